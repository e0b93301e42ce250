import { createHash } from 'node:crypto';
import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { UsageError, type Problem } from '../../errors.js';
import { columnLetter, readHeader, UnnamedColumns, type Header } from './columns.js';
import { findHeaderRow, skippedRow, type FoundHeader } from './header-row.js';
import { toRowEvent, type Cell } from './record.js';
import { onceOf, type ParsedRecords, type RowEvent, type RowSource } from './row-source.js';
import { textChunks } from './text-stream.js';
import { ROW_LIMITS } from '../../contract/input-limits.js';

/**
 * CSV and TSV, streamed through csv-parse. Every cell is text exactly as
 * written (07102 keeps its zero; a list like "Kitchen;Office" stays one
 * string for the validator to split). CRLF and quoted line breaks are fine;
 * a short row leaves its missing cells absent, a row with more filled cells
 * than the header is a row problem. See RowEvent for row numbers.
 */
export async function openCsv(
  file: string,
  format: 'csv' | 'tsv',
  wantedHeaderRow?: number,
  reread?: 'keep' | ParsedRecords,
): Promise<RowSource> {
  const earlier = reread !== 'keep' && reread?.file === file && reread.format === format ? reread : undefined;
  const keeper = reread === 'keep' ? new Keeper(file, format) : undefined;
  const { records, destroy } = earlier ? { records: listed(earlier), destroy: () => undefined } : parsed(file, format, keeper);
  let found: FoundHeader<CsvRow> | undefined;
  let header: Header;
  try {
    found = await findHeaderRow(records, (item) => item.cells, file, wantedHeaderRow);
    if (!found) throw new UsageError(`data file ${file} is empty; expected a header row like "id,name,street,city"`);
    if (found.header.cells.some((cell) => cell.includes('\0')))
      throw new UsageError(`data file ${file}: row ${found.header.row} holds a NUL byte (0x00); this is not a text file`);
    header = readHeader(found.header.cells, file, found.header.row);
  } catch (error) {
    destroy();
    throw error;
  }
  const only = header.columns.length === 1 ? header.columns[0]! : '';
  if (format === 'csv' && /[;\t]/.test(only)) {
    destroy();
    throw new UsageError(
      `data file ${file}: row ${found.header.row} is one column, "${only.slice(0, 60)}"; separate the fields with commas, or read a tab-separated file with --format tsv`,
    );
  }
  const warnings: Problem[] = found.note ? [{ file, row: found.header.row, message: found.note }] : [];
  const used: { columns?: ReadonlySet<string> } = {};
  const headerRow = found.header.row;
  const buffered = found.buffered;
  return {
    file,
    format,
    columns: header.columns,
    warnings,
    headerRow,
    useOnly: (columns) => {
      used.columns = columns;
    },
    ...onceOf(file, {
      rows: () => csvRows(file, buffered, records, header, headerRow, used, warnings, () => destroy()),
      count: async () => {
        const count = await csvCount(buffered, records, () => destroy());
        keeper?.complete();
        return count;
      },
    }),
    ...(keeper ? { parsedRecords: () => keeper.records() } : {}),
    close: () => destroy(),
  };
}

/** Records past this many characters stop the file (a quote never closed); past ROW_LIMITS.recordChars, only the row fails. */
const HARD_RECORD_CHARS = 8 * ROW_LIMITS.recordChars;

type CsvRow = NonNullable<ParsedRecords['rows'][number]>;

/** The file's records through csv-parse, numbered; each one also handed to `keeper`, when there is one. */
function parsed(file: string, format: 'csv' | 'tsv', keeper: Keeper | undefined): { records: AsyncGenerator<CsvRow>; destroy: () => void } {
  const parser = parse({
    delimiter: format === 'tsv' ? '\t' : ',',
    // Every line ending, in any mix: a header saved on Windows over rows appended on a Mac is still one row per line.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: HARD_RECORD_CHARS,
  });
  const onBytes = keeper ? (chunk: Buffer) => keeper.bytes(chunk) : undefined;
  pipeline(
    Readable.from(textChunks(file, ROW_LIMITS.streamBytes, { nul: true, ...(onBytes ? { onBytes } : {}) })),
    parser,
    () => undefined,
  );
  return { records: numbered((parser as AsyncIterable<string[]>)[Symbol.asyncIterator](), file, keeper), destroy: () => parser.destroy() };
}

async function* numbered(records: AsyncIterator<string[]>, file: string, keeper: Keeper | undefined): AsyncGenerator<CsvRow> {
  let row = 0;
  for (let item = await next(records, file); !item.done; item = await next(records, file)) {
    row++;
    if (row > ROW_LIMITS.rows) throw new UsageError(`data file ${file} has more than ${ROW_LIMITS.rows} rows; split it into smaller files`);
    const record = { row, cells: item.value };
    keeper?.add(record);
    yield record;
  }
}

/** Records read earlier, handed out once each: a slot is emptied as its record goes, so what was read is let go as the run goes. */
async function* listed(earlier: ParsedRecords): AsyncGenerator<CsvRow> {
  const { rows } = earlier;
  for (let at = 0; at < rows.length; at++) {
    const record = rows[at]!;
    rows[at] = undefined;
    yield record;
  }
}

/**
 * Keeps what a count reads (`ParsedRecords`), up to KEPT_UNITS: a cell counts its characters and 16 for what
 * holds it, so a file of a few thousand businesses is kept and a large one is read again.
 */
class Keeper {
  private rows: CsvRow[] | undefined = [];
  private units = 0;
  /** The sha256 of the bytes the count read, once it has read them all. */
  private sha256: string | undefined;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly file: string,
    private readonly format: 'csv' | 'tsv',
  ) {}

  add(record: CsvRow): void {
    if (!this.rows) return;
    for (const cell of record.cells) this.units += cell.length + 16;
    if (this.units > KEPT_UNITS) this.rows = undefined;
    else this.rows.push(record);
  }

  /** Bytes of the file as the count reads them (hashed only while its records are kept: they come with the hash). */
  bytes(chunk: Buffer): void {
    if (this.rows) this.hash.update(chunk);
  }

  /** The count read the file to its end: the hash of its bytes, when its records are kept (they go together). */
  complete(): void {
    if (this.rows) this.sha256 ??= this.hash.digest('hex');
  }

  records(): ParsedRecords | undefined {
    return this.sha256 !== undefined && this.rows
      ? { file: this.file, format: this.format, rows: this.rows, sha256: this.sha256 }
      : undefined;
  }
}

const KEPT_UNITS = 4 * 1024 * 1024;

async function* csvRows(
  file: string,
  buffered: readonly CsvRow[],
  records: AsyncIterator<CsvRow>,
  header: Header,
  headerRow: number,
  used: { columns?: ReadonlySet<string> },
  warnings: Problem[],
  close: () => void,
): AsyncGenerator<RowEvent> {
  const unnamed = new UnnamedColumns();
  let yielded = 0;
  async function* all(): AsyncGenerator<CsvRow> {
    yield* buffered;
    for (let item = await records.next(); !item.done; item = await records.next()) yield item.value;
  }
  try {
    for await (const { row, cells } of all()) {
      const skipped = skippedRow(cells);
      if (skipped) {
        yield { row, skipped };
        continue;
      }
      yielded++;
      const length = cells.reduce((sum, cell) => sum + cell.length, 0);
      if (length > ROW_LIMITS.recordChars) {
        yield {
          row,
          problems: [
            {
              file,
              row,
              message: `is longer than ${ROW_LIMITS.recordChars / 1024 / 1024} MB; a business's row is a few hundred characters`,
            },
          ],
        };
        continue;
      }
      yield rowEvent(file, row, cells, header, used.columns, (index) => unnamed.add(index, row));
    }
    const unnamedWarning = unnamed.warning(file, headerRow);
    if (unnamedWarning) warnings.push(unnamedWarning);
    if (yielded === 0) warnings.push({ file, message: 'has a header row but no rows of data' });
  } finally {
    close();
  }
}

/** `csvRows`, only counted: the cells of a row are not made into a record. */
async function csvCount(buffered: readonly CsvRow[], records: AsyncIterator<CsvRow>, close: () => void): Promise<number> {
  let count = 0;
  try {
    for (const { cells } of buffered) if (!skippedRow(cells)) count++;
    for (let item = await records.next(); !item.done; item = await records.next()) if (!skippedRow(item.value.cells)) count++;
  } finally {
    close();
  }
  return count;
}

function rowEvent(
  file: string,
  row: number,
  values: readonly string[],
  header: Header,
  used: ReadonlySet<string> | undefined,
  onUnnamed: (index: number) => void,
): RowEvent {
  const cells: Cell[] = [];
  const extra: string[] = [];
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (value === '') continue;
    if (index >= header.fields.length) extra.push(columnLetter(index));
    const field = header.fields[index];
    if (field === undefined) {
      if (index < header.fields.length) onUnnamed(index);
      continue;
    }
    if (used && !used.has(field)) continue;
    cells.push({ key: field, value });
  }
  const problems: Problem[] =
    extra.length === 0
      ? []
      : [
          {
            file,
            row,
            message:
              `has values in column${extra.length > 1 ? 's' : ''} ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ` and ${extra.length - 5} more` : ''}, past the header's ${header.fields.length} column${header.fields.length === 1 ? '' : 's'}; ` +
              'a comma inside a value needs quotes around the value ("Smith, Jones")',
          },
        ];
  return toRowEvent(file, row, cells, problems);
}

async function next(records: AsyncIterator<string[]>, file: string): Promise<IteratorResult<string[]>> {
  try {
    return await records.next();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`data file ${file}: ${csvMessage(error as CsvError)}`);
  }
}

function csvMessage(error: CsvError): string {
  const line = typeof error.lines === 'number' ? `line ${error.lines}: ` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${line}a quoted value is never closed: a " opens it and no " ends it; check the quotes`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `${line}a quoted value ends and more text follows before the next separator; inside quotes, write a quote as ""`;
    case 'CSV_MAX_RECORD_SIZE':
      return `${line}a row is longer than ${HARD_RECORD_CHARS / 1024 / 1024} MB (is a quote never closed?)`;
    default:
      return `${line}not valid CSV: ${error.message}`;
  }
}
