import type { Problem } from '../../errors.js';
import type { RawRecord } from '../../contract/record.js';

export const ROW_FORMATS = ['csv', 'tsv', 'xlsx', 'json', 'ndjson', 'yaml'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

/**
 * One row of a data file: a record to validate, or the problems that kept the
 * row from being read as a record at all (a CSV row with more cells than the
 * header, a JSON item that is not an object, a field given twice, a value too
 * long...). Either way the run goes on with the next row.
 *
 * Row numbers are what the user sees in the file:
 * - CSV, TSV: the header is row 1 and each later record is one row, as a
 *   spreadsheet shows it (a quoted cell with a line break inside is still one
 *   row; blank lines count as rows but yield nothing);
 * - XLSX: the sheet's own row number (header row 1 in the usual sheet);
 * - JSON array, YAML list: the item's number, the first item is 1;
 * - NDJSON: the line number, the first line is 1 (blank lines yield nothing).
 */
export type RowEvent =
  | { readonly row: number; readonly record: RawRecord }
  | { readonly row: number; readonly problems: readonly Problem[] }
  /** A row that holds no business (blank, only spaces, a "Total:" line): counted as skipped, never failed. */
  | { readonly row: number; readonly skipped: string };

/**
 * An opened data file. `openRows` reads the header (or, for JSON and YAML,
 * the whole file) before it returns, so a file-level mistake (unreadable, not
 * UTF-8, two headers for one field, unknown sheet) is a UsageError there.
 * `rows()` streams the rest and can be iterated once; it throws UsageError for
 * a mistake found later in the file (a bad byte on line 90,000, too many rows).
 * The file is closed when the iteration ends, however it ends; a caller that
 * opens a source and then decides not to read it calls `close()`.
 */
export interface RowSource {
  readonly file: string;
  readonly format: RowFormat;
  /**
   * Field names in column order, trimmed and lower-cased as `render` matches
   * them (`Private_Areas.ES` -> `private_areas.es`), for the caller to warn
   * once about names it does not know. Complete at open for CSV, TSV, XLSX,
   * JSON and YAML; for NDJSON it grows with the keys seen and is complete
   * once `rows()` has finished.
   */
  readonly columns: readonly string[];
  /** File-level notes that are not errors (a column without a header, a header with no rows); grows while rows are read. */
  readonly warnings: readonly Problem[];
  /** CSV, TSV, XLSX: the row the column names were read from. */
  readonly headerRow?: number;
  /**
   * CSV, TSV, XLSX: read only these columns (names as in `columns`); the
   * rest are not checked at all (an oversized value, a NUL byte or one
   * cell too many in a column nobody uses is no reason to fail a row).
   * Call before `rows()`.
   */
  useOnly?(columns: ReadonlySet<string>): void;
  rows(): AsyncIterable<RowEvent>;
  /**
   * CSV, TSV: instead of `rows()`, reads the rest of the file only to count its records (the rows `rows()` would
   * not skip), with the same errors; cheaper, as no row is made into a record.
   */
  count?(): Promise<number>;
  /**
   * CSV, TSV opened to be kept (`openRows` with `keep`): what `count` read, for a second `openRows` of the file to
   * take instead of parsing it again; undefined before the count has read the whole file, or past a size limit.
   */
  parsedRecords?(): ParsedRecords | undefined;
  close(): void;
}

/** A CSV or TSV file's records as csv-parse read them, numbered from 1; taken once (each slot is emptied as it is read). */
export interface ParsedRecords {
  readonly file: string;
  readonly format: RowFormat;
  readonly rows: ({ readonly row: number; readonly cells: readonly string[] } | undefined)[];
  /** The sha256 of the bytes these records were read from (the file may have changed since). */
  readonly sha256: string;
}

/** A stream's rows can be read once; asking twice is a bug in the caller (exit 3), not a quiet empty list. */
export function once(file: string, rows: () => AsyncGenerator<RowEvent>): () => AsyncGenerator<RowEvent> {
  return onceOf(file, { rows }).rows;
}

/** `rows` and, when given, `count` of one stream: either of them, once. */
export function onceOf(
  file: string,
  read: { rows: () => AsyncGenerator<RowEvent>; count?: () => Promise<number> },
): { rows: () => AsyncGenerator<RowEvent>; count?: () => Promise<number> } {
  let started = false;
  const first =
    <T>(run: () => T) =>
    (): T => {
      if (started) throw new Error(`the rows of ${file} were already read`);
      started = true;
      return run();
    };
  return { rows: first(read.rows), ...(read.count ? { count: first(read.count) } : {}) };
}
