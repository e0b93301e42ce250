import { posix } from 'node:path';
import { UsageError } from '../../../errors.js';
import { cellStyle, type CellStyle } from './cell-text.js';
import { readXml, unescapeOoxml } from './xml.js';
import type { Workbook } from './zip.js';
import { ROW_LIMITS } from '../../../contract/input-limits.js';

/** What the chosen sheet needs from the rest of the workbook. */
export interface SheetParts {
  readonly sheetName: string;
  readonly sheetPart: string;
  readonly sharedStrings: readonly string[];
  readonly styles: readonly CellStyle[];
  readonly date1904: boolean;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** Finds the sheet (by name, or the first), its shared strings and its number formats. */
export async function sheetParts(book: Workbook, sheet: string | undefined): Promise<SheetParts> {
  const root = await relationships(book, '_rels/.rels', '');
  const workbookPart = root.find((rel) => rel.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const rels = await relationships(
    book,
    `${posix.dirname(workbookPart)}/_rels/${posix.basename(workbookPart)}.rels`,
    posix.dirname(workbookPart),
  );
  const sheets: { name: string; id: string }[] = [];
  let date1904 = false;
  readXml(book.file, workbookPart, await book.text(workbookPart), {
    open(name, attributes) {
      if (name === 'sheet') sheets.push({ name: attributes['name'] ?? '', id: attributes['r:id'] ?? relId(attributes) });
      if (name === 'workbookPr') date1904 = attributes['date1904'] === '1' || attributes['date1904'] === 'true';
    },
  });
  const chosen = pickSheet(book.file, sheets, sheet);
  const rel = rels.find((r) => r.id === chosen.id);
  if (!rel || !rel.type.endsWith('/worksheet'))
    throw new UsageError(`data file ${book.file}: "${chosen.name}" is not a sheet of cells (a chart?); choose another with --sheet`);
  const stringsPart = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const stylesPart = rels.find((r) => r.type.endsWith('/styles'))?.target;
  return {
    sheetName: chosen.name,
    sheetPart: rel.target,
    sharedStrings: stringsPart && book.has(stringsPart) ? await sharedStrings(book, stringsPart) : [],
    styles: stylesPart && book.has(stylesPart) ? await styles(book, stylesPart) : [],
    date1904,
  };
}

function relId(attributes: Readonly<Record<string, string>>): string {
  const key = Object.keys(attributes).find((name) => name.endsWith(':id'));
  return key ? attributes[key]! : '';
}

function pickSheet(
  file: string,
  sheets: readonly { name: string; id: string }[],
  wanted: string | undefined,
): { name: string; id: string } {
  if (sheets.length === 0) throw new UsageError(`data file ${file}: the workbook has no sheets`);
  if (wanted === undefined) return sheets[0]!;
  const found = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (found) return found;
  throw new UsageError(`data file ${file} has no sheet "${wanted}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
}

async function relationships(book: Workbook, part: string, base: string): Promise<{ id: string; type: string; target: string }[]> {
  if (!book.has(part)) return [];
  const found: { id: string; type: string; target: string }[] = [];
  readXml(book.file, part, await book.text(part), {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes['TargetMode'] === 'External') return;
      const target = attributes['Target'] ?? '';
      const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
      found.push({ id: attributes['Id'] ?? '', type: (attributes['Type'] ?? '').replace(REL, '/'), target: path });
    },
  });
  return found;
}

/** Characters kept of one shared string: past the 4 KB a value may hold, the cell fails anyway. */
const MAX_STRING_CHARS = 4 * ROW_LIMITS.valueBytes;

/** The shared string table: each <si> is its <t> texts joined, phonetic guides (<rPh>) left out. */
async function sharedStrings(book: Workbook, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | undefined;
  let size = 0;
  let inText = false;
  let phonetic = 0;
  readXml(book.file, part, await book.text(part), {
    open(name) {
      if (name === 'si') {
        current = [];
        size = 0;
      } else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = phonetic === 0;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(unescapeOoxml(current.join('')));
        current = undefined;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      // Capped as it is read: a string of a million <t> runs keeps only what can fail the cell's size check.
      if (!inText || !current || size > MAX_STRING_CHARS) return;
      current.push(text.slice(0, MAX_STRING_CHARS + 1 - size));
      size += text.length;
    },
  });
  return strings;
}

/** Each cell style (<cellXfs><xf numFmtId>) reduced to what text it shows: general, a date, or digits padded with zeros. */
async function styles(book: Workbook, part: string): Promise<CellStyle[]> {
  const formats = new Map<number, string>();
  const found: CellStyle[] = [];
  const ids: number[] = [];
  let inCellXfs = false;
  readXml(book.file, part, await book.text(part), {
    open(name, attributes) {
      if (name === 'numFmt') formats.set(Number(attributes['numFmtId']), attributes['formatCode'] ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) ids.push(Number(attributes['numFmtId'] ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of ids) found.push(cellStyle(id, formats.get(id)));
  return found;
}
