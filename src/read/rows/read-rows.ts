import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { UsageError } from '../../errors.js';
import { openCsv } from './csv.js';
import { openJson } from './json.js';
import { openNdjson } from './ndjson.js';
import { ROW_FORMATS, type ParsedRecords, type RowEvent, type RowFormat, type RowSource } from './row-source.js';
import { openXlsx } from './xlsx.js';
import { openYaml } from './yaml.js';

export type { ParsedRecords, RowEvent, RowFormat, RowSource } from './row-source.js';
export { ROW_FORMATS } from './row-source.js';

export interface ReadRowsOptions {
  /** Overrides the choice by extension (the `--format` flag). */
  readonly format?: RowFormat;
  /** XLSX only: the sheet to read (`--sheet`); default the first. */
  readonly sheet?: string;
  /** CSV, TSV, XLSX: the row that holds the column names (`--header-row`); default found (see findHeaderRow). */
  readonly headerRow?: number;
  /**
   * CSV, TSV: `'keep'` keeps what `count` reads (`parsedRecords`); records kept so are read instead of the file
   * (a batch counts its rows, then reads them again to render them).
   */
  readonly reread?: 'keep' | ParsedRecords;
}

const BY_EXTENSION: Readonly<Record<string, RowFormat>> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.xlsx': 'xlsx',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.yaml': 'yaml',
  '.yml': 'yaml',
};

/** Spreadsheet files placard does not read, with how to save them as one it does. */
const SAVE_AS: Readonly<Record<string, string>> = {
  '.ods':
    'is an OpenDocument spreadsheet (.ods), which placard does not read; in LibreOffice choose File › Save As… › "Excel 2007-365 (.xlsx)", then give the .xlsx file',
  '.fods':
    'is a flat OpenDocument spreadsheet (.fods), which placard does not read; in LibreOffice choose File › Save As… › "Excel 2007-365 (.xlsx)", then give the .xlsx file',
  '.xls': 'is an old Excel workbook (.xls), which placard does not read; open it and choose File › Save As… › "Excel Workbook (.xlsx)"',
  '.numbers': 'is an Apple Numbers file, which placard does not read; in Numbers choose File › Export To › Excel… and give the .xlsx file',
};

/** The format of a data file: `format` if given, else from its extension; an unknown extension is a usage error listing the formats. */
export function rowFormat(file: string, format?: string): RowFormat {
  if (format !== undefined) {
    if ((ROW_FORMATS as readonly string[]).includes(format)) return format as RowFormat;
    throw new UsageError(`unknown format "${format}"; expected one of ${ROW_FORMATS.join(', ')}`);
  }
  const byExtension = BY_EXTENSION[extname(file).toLowerCase()];
  if (byExtension) return byExtension;
  const saveAs = SAVE_AS[extname(file).toLowerCase()];
  if (saveAs) throw new UsageError(`data file ${file} ${saveAs}`);
  throw new UsageError(
    `cannot tell the format of data file ${file} from its name; use one of the extensions ${Object.keys(BY_EXTENSION).join(' ')} ` +
      `or say --format ${ROW_FORMATS.join('|')}`,
  );
}

/**
 * Opens a data file of businesses, one per row (see RowSource for what it
 * gives and when it throws). Only XLSX has sheets; `sheet` with another
 * format is a usage error.
 */
export async function openRows(file: string, options: ReadRowsOptions = {}): Promise<RowSource> {
  const format = rowFormat(file, options.format);
  checkRegularFile(file);
  if (options.sheet !== undefined && format !== 'xlsx')
    throw new UsageError(`--sheet only applies to XLSX files; ${file} is read as ${format}`);
  switch (format) {
    case 'csv':
    case 'tsv':
      return openCsv(file, format, options.headerRow, options.reread);
    case 'xlsx':
      return openXlsx(file, options.sheet, options.headerRow);
    case 'json':
      return openJson(file);
    case 'ndjson':
      return openNdjson(file);
    case 'yaml':
      return openYaml(file);
  }
}

/**
 * A batch reads its data more than once (to count and check the rows, to
 * hash them, to render them), so a pipe, a FIFO, /dev/stdin from a pipe or a
 * <(…) substitution, which can be read only once, is refused up front rather
 * than hanging or reading as empty the second time.
 */
function checkRegularFile(file: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return; // the opener says "no such file" or "permission denied" in its own words
  }
  if (stats.isFile() || stats.isDirectory()) return;
  const what = stats.isFIFO() ? 'a pipe' : stats.isCharacterDevice() ? 'a device' : stats.isSocket() ? 'a socket' : 'not a regular file';
  throw new UsageError(
    `data file ${file} is ${what}, not a file; a batch reads its data more than once, so save the data to a file first (like: … > rows.csv) and give that file`,
  );
}

/** The rows of a data file, for a caller that needs neither columns nor warnings. */
export async function* readRows(file: string, options: ReadRowsOptions = {}): AsyncGenerator<RowEvent> {
  const source = await openRows(file, options);
  yield* source.rows();
}
