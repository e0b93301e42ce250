import { UsageError } from '../../../errors.js';
import { columnLetter } from '../columns.js';
import { isoDateText, numberText, type CellText } from './cell-text.js';
import type { SheetParts } from './parts.js';
import { mergedRanges, MergeFill } from './merged-cells.js';
import { unescapeOoxml, XmlReader } from './xml.js';
import type { Workbook } from './zip.js';
import { ROW_LIMITS } from '../../../contract/input-limits.js';

/** One <row> of a sheet: its number as the sheet shows it, and its non-empty cells by column index (0 is A). */
export interface SheetRow {
  readonly row: number;
  readonly cells: ReadonlyMap<number, CellText>;
  /** The first column past ROW_LIMITS.columns that holds something; such cells are not kept. */
  readonly overflow?: string;
}

/**
 * Streams a sheet's rows as its XML inflates: memory holds one row, whatever
 * the sheet's size. A cell's text is what Excel shows for General numbers,
 * shared or inline strings as written, TRUE/FALSE, dates as ISO text; an error
 * value (#N/A) or an untrustworthy number is a problem for that cell.
 */
export async function* sheetRows(book: Workbook, parts: SheetParts): AsyncGenerator<SheetRow> {
  const merges = new MergeFill(await mergedRanges(book, parts.sheetPart));
  const ready: SheetRow[] = [];
  let row = 0;
  let rowsSeen = 0;
  let cells = new Map<number, CellText>();
  let overflow: string | undefined;
  let column = -1;
  let cell: RawCell | undefined;
  let into: string[] | undefined;
  const reader = new XmlReader(book.file, parts.sheetPart, {
    open(name, attributes) {
      if (name === 'row') {
        if (++rowsSeen > ROW_LIMITS.rows)
          throw new UsageError(`data file ${book.file} has more than ${ROW_LIMITS.rows} rows; split it into smaller files`);
        row = attributes['r'] !== undefined ? rowNumber(book.file, attributes['r'], row) : row + 1;
        cells = new Map();
        overflow = undefined;
        column = -1;
      } else if (name === 'c') {
        column = attributes['r'] ? columnIndex(attributes['r']) : column + 1;
        cell = { type: attributes['t'] ?? 'n', style: Number(attributes['s'] ?? 0), value: [], inline: [], formula: false, size: 0 };
      } else if (cell && name === 'v') into = cell.value;
      else if (cell && name === 'f') cell.formula = true;
      else if (cell && name === 't') into = cell.inline;
    },
    close(name) {
      if (name === 'v' || name === 't') into = undefined;
      else if (name === 'c' && cell) {
        const text = cellText(cell, parts);
        if (text && (!('text' in text) || text.text !== '')) {
          if (column >= 0 && column < ROW_LIMITS.headerColumns) cells.set(column, text);
          else overflow ??= columnLetter(column);
        }
        cell = undefined;
      } else if (name === 'row') ready.push({ row, cells: merges.fill(row, cells), ...(overflow ? { overflow } : {}) });
    },
    text(text) {
      if (!into || !cell) return;
      // One cell's text is capped as it is read: a cell of a million <t> runs must not hold them all.
      if (cell.size < MAX_CELL_CHARS) into.push(text.slice(0, MAX_CELL_CHARS - cell.size));
      cell.size += text.length;
    },
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of book.bytes(parts.sheetPart, ROW_LIMITS.xlsxSheetBytes)) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new UsageError(`data file ${book.file}: the sheet is not UTF-8; save the workbook again as .xlsx`);
    }
    reader.write(text);
    yield* ready.splice(0);
  }
  reader.close();
  yield* ready.splice(0);
}

/** A <c> element as read: its type (t), style index (s), <v> text, inline <is><t> text, and whether it has a formula. */
interface RawCell {
  readonly type: string;
  readonly style: number;
  readonly value: string[];
  readonly inline: string[];
  formula: boolean;
  /** Characters of text seen, kept or not. */
  size: number;
}

/** Characters of one cell kept while reading; more is a problem for the cell ("longer than 4 KB"). */
const MAX_CELL_CHARS = ROW_LIMITS.valueBytes + 1;

/** The highest row number a sheet can have (Excel's and LibreOffice's limit). */
const MAX_SHEET_ROW = 1_048_576;

/** A <row r> as a row number: a whole number from 1 to 1,048,576, after the row before it; anything else is a damaged sheet. */
function rowNumber(file: string, value: string, previous: number): number {
  const row = /^[1-9]\d{0,6}$/.test(value) ? Number(value) : NaN;
  if (!(row <= MAX_SHEET_ROW) || row <= previous) {
    throw new UsageError(
      `data file ${file}: the sheet numbers a row "${value.slice(0, 20)}" after row ${previous}; rows count up from 1 to ${MAX_SHEET_ROW}. ` +
        'Open the workbook in a spreadsheet program and save it again',
    );
  }
  return row;
}

function cellText(cell: RawCell, parts: SheetParts): CellText | undefined {
  if (cell.size > ROW_LIMITS.valueBytes)
    return { problem: `is longer than ${ROW_LIMITS.valueBytes / 1024} KB; a value may hold at most that` };
  const raw = cell.value.join('');
  if (cell.formula && raw === '' && cell.type !== 'inlineStr') {
    return {
      problem:
        'is a formula with no saved result (the file was written by a program that does not calculate); open the workbook in a spreadsheet program and save it',
    };
  }
  switch (cell.type) {
    case 's': {
      if (raw === '') return undefined;
      const text = parts.sharedStrings[Number(raw)];
      return text === undefined
        ? { problem: `refers to shared string ${raw.slice(0, 20)}, which the workbook lacks; save the workbook again` }
        : { text };
    }
    case 'inlineStr':
      return { text: unescapeOoxml(cell.inline.join('')) };
    case 'str':
      return { text: unescapeOoxml(raw) };
    case 'b':
      return raw === '' ? undefined : { text: raw === '1' || raw.toLowerCase() === 'true' ? 'TRUE' : 'FALSE' };
    case 'e':
      return { problem: `shows the error ${raw.slice(0, 20)}; fix the formula or type the value` };
    case 'd':
      return raw === '' ? undefined : { text: isoDateText(raw) };
    default:
      return raw === '' ? undefined : numberText(raw, parts.styles[cell.style] ?? { kind: 'general' }, parts.date1904);
  }
}

/** "AB12" -> 27 (the letters' column, 0 for A). */
function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
    if (index > 1_000_000) break;
  }
  return index - 1;
}
