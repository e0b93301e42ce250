import { extname } from 'node:path';
import { UsageError } from '../../errors.js';
import { openCsv } from './csv.js';
import { openJson } from './json.js';
import { openNdjson } from './ndjson.js';
import { ROW_FORMATS, type RowEvent, type RowFormat, type RowSource } from './row-source.js';
import { openXlsx } from './xlsx.js';
import { openYaml } from './yaml.js';

export type { RowEvent, RowFormat, RowSource } from './row-source.js';
export { ROW_FORMATS, ROW_LIMITS } from './row-source.js';

export interface ReadRowsOptions {
  /** Overrides the choice by extension (the `--format` flag). */
  readonly format?: RowFormat;
  /** XLSX only: the sheet to read (`--sheet`); default the first. */
  readonly sheet?: string;
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

/** The format of a data file: `format` if given, else from its extension; an unknown extension is a usage error listing the formats. */
export function rowFormat(file: string, format?: string): RowFormat {
  if (format !== undefined) {
    if ((ROW_FORMATS as readonly string[]).includes(format)) return format as RowFormat;
    throw new UsageError(`unknown format "${format}"; expected one of ${ROW_FORMATS.join(', ')}`);
  }
  const byExtension = BY_EXTENSION[extname(file).toLowerCase()];
  if (byExtension) return byExtension;
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
  if (options.sheet !== undefined && format !== 'xlsx')
    throw new UsageError(`--sheet only applies to XLSX files; ${file} is read as ${format}`);
  switch (format) {
    case 'csv':
    case 'tsv':
      return openCsv(file, format);
    case 'xlsx':
      return openXlsx(file, options.sheet);
    case 'json':
      return openJson(file);
    case 'ndjson':
      return openNdjson(file);
    case 'yaml':
      return openYaml(file);
  }
}

/** The rows of a data file, for a caller that needs neither columns nor warnings. */
export async function* readRows(file: string, options: ReadRowsOptions = {}): AsyncGenerator<RowEvent> {
  const source = await openRows(file, options);
  yield* source.rows();
}
