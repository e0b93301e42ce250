import { UsageError, type Problem } from '../../errors.js';
import { columnLetter, readHeader, UnnamedColumns, type Header } from './columns.js';
import { findHeaderRow, skippedRow, type FoundHeader } from './header-row.js';
import { toRowEvent, type Cell } from './record.js';
import { once, type RowEvent, type RowSource } from './row-source.js';
import { sheetParts } from './xlsx/parts.js';
import { sheetRows, type SheetRow } from './xlsx/sheet-rows.js';
import { Workbook } from './xlsx/zip.js';

/**
 * An XLSX workbook's first sheet (or `sheet`), streamed row by row with
 * placard's own reader over yauzl (zip) and saxes (XML): exceljs's streaming
 * reader turns every number into a float, losing the digits as stored, and
 * cannot cap what a part inflates to. The first non-empty row is the header;
 * rows keep the numbers the sheet shows. Cell text follows `numberText`.
 */
export async function openXlsx(file: string, sheet: string | undefined, wantedHeaderRow?: number): Promise<RowSource> {
  const book = await Workbook.open(file);
  let rows: AsyncGenerator<SheetRow>;
  let header: Header;
  let found: FoundHeader<SheetRow> | undefined;
  try {
    const parts = await sheetParts(book, sheet);
    rows = sheetRows(book, parts);
    found = await findHeaderRow(rows, textCells, file, wantedHeaderRow);
    if (!found)
      throw new UsageError(`data file ${file}: sheet "${parts.sheetName}" is empty; expected a header row like "id, name, street, city"`);
    header = readHeader(headerCells(file, found.header), file, found.header.row);
  } catch (error) {
    book.close();
    throw error;
  }
  const headerRow = found.header.row;
  const buffered = found.buffered;
  const warnings: Problem[] = found.note ? [{ file, row: headerRow, message: found.note }] : [];
  const used: { columns?: ReadonlySet<string> } = {};
  async function* all(): AsyncGenerator<SheetRow> {
    yield* buffered;
    yield* rows;
  }
  async function* events(): AsyncGenerator<RowEvent> {
    const unnamed = new UnnamedColumns();
    let yielded = 0;
    try {
      for await (const sheetRow of all()) {
        const skipped =
          sheetRow.overflow || [...sheetRow.cells.values()].some((cell) => 'problem' in cell) ? undefined : skippedRow(textCells(sheetRow));
        if (skipped) {
          yield { row: sheetRow.row, skipped };
          continue;
        }
        for (const index of sheetRow.cells.keys()) {
          if (header.fields[index] === undefined) unnamed.add(index, sheetRow.row);
        }
        if (sheetRow.overflow) unnamed.add(sheetRow.overflow, sheetRow.row);
        yielded++;
        yield rowEvent(file, sheetRow, header, used.columns);
      }
      const unnamedWarning = unnamed.warning(file, headerRow);
      if (unnamedWarning) warnings.push(unnamedWarning);
      if (yielded === 0) warnings.push({ file, message: 'has a header row but no rows of data' });
    } finally {
      book.close();
    }
  }
  const close = () => book.close();
  return {
    file,
    format: 'xlsx',
    columns: header.columns,
    warnings,
    headerRow,
    useOnly: (columns) => {
      used.columns = columns;
    },
    rows: once(file, events),
    close: () => void rows.return(undefined).then(close, close),
  };
}

/** A row's cells as text, by column (a cell with a problem counts as empty), for finding the header and blank rows. */
function textCells(row: SheetRow): (string | undefined)[] {
  const cells: (string | undefined)[] = [];
  for (const [index, cell] of row.cells) if ('text' in cell && index < 1024) cells[index] = cell.text;
  return cells;
}

function headerCells(file: string, row: SheetRow): (string | undefined)[] {
  const cells: (string | undefined)[] = [];
  for (const [index, cell] of row.cells) {
    if ('problem' in cell)
      throw new UsageError(`data file ${file}: row ${row.row}, column ${columnLetter(index)}: the header ${cell.problem}`);
    cells[index] = cell.text;
  }
  return cells;
}

/** A cell in a column without a header is ignored (with one warning per column): a sheet's columns cannot shift like a CSV row's. */
function rowEvent(file: string, sheetRow: SheetRow, header: Header, used: ReadonlySet<string> | undefined): RowEvent {
  const { row } = sheetRow;
  const cells: Cell[] = [];
  const problems: Problem[] = [];
  for (const [index, cell] of sheetRow.cells) {
    const field = header.fields[index];
    if (field === undefined || (used && !used.has(field))) continue;
    if ('problem' in cell) problems.push({ file, row, field, message: `(column ${columnLetter(index)}) ${cell.problem}` });
    else cells.push({ key: field, value: cell.text });
  }
  return toRowEvent(file, row, cells, problems);
}
