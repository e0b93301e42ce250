import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { stringify as Stringify } from 'csv-stringify/sync';
import type { Problem } from '../errors.js';
import { codeOf } from '../contract/text-hygiene.js';
import type { WriteAtomic } from './manifest.js';
import type { Shard } from './shard.js';

/** One line of errors.csv: a row that failed, and why. */
export interface RowError {
  /** The row number as a spreadsheet user counts it (the header is row 1). */
  readonly row: number;
  readonly id?: string;
  readonly name?: string;
  readonly field?: string;
  readonly value?: string;
  readonly reason: string;
}

export const ERRORS_CSV_COLUMNS = ['row', 'id', 'name', 'field', 'value', 'reason'] as const;

/** A cell longer than this is cut at a grapheme boundary and ends in "…". */
export const MAX_CELL = 200;

/** The lines for one failed row: one per problem, each with the row's id and name. */
export function rowErrors(row: number, record: Readonly<Record<string, unknown>>, problems: readonly Problem[]): RowError[] {
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : undefined;
  const name = typeof record.name === 'string' || typeof record.name === 'number' ? String(record.name) : undefined;
  return problems.map((problem) => ({
    row: problem.row ?? row,
    ...(id !== undefined ? { id } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(problem.field !== undefined ? { field: problem.field } : {}),
    ...(problem.value !== undefined ? { value: problem.value } : {}),
    reason: problem.message,
  }));
}

/**
 * errors.csv as bytes: a UTF-8 BOM (so Excel reads Arabic or Chinese names as such), the header
 * `row,id,name,field,value,reason`, then one line per problem sorted by row (stable, so the file does not depend
 * on which worker finished first), CRLF line ends as RFC 4180 has them.
 *
 * Every cell is made safe to open in a spreadsheet (see `safeCell`).
 *
 * The file is built whole and written once, atomically, at the end of a run, rather than streamed: it is small
 * (problems, not rows), a file that is always complete is simpler for the people and scripts that read it, and a
 * run that crashes loses nothing, because `--resume` validates every row that has no manifest entry again and
 * so finds every failure again.
 */
export function formatErrorsCsv(errors: readonly RowError[]): Uint8Array {
  const sorted = errors.map((error, order) => ({ error, order })).sort((a, b) => a.error.row - b.error.row || a.order - b.order);
  return new TextEncoder().encode(ERRORS_CSV_HEADER + sorted.map(({ error }) => errorsCsvLine(error)).join(''));
}

/** The BOM and header line of errors.csv. */
export const ERRORS_CSV_HEADER = `\uFEFF${ERRORS_CSV_COLUMNS.join(',')}\r\n`;

/** One problem as its line of errors.csv, CRLF included. Safe cells hold no line break, so it is one line. */
export function errorsCsvLine(error: RowError): string {
  const cells = [String(error.row), error.id ?? '', error.name ?? '', error.field ?? '', error.value ?? ''].map((cell, at) =>
    at === 0 ? cell : safeCell(cell),
  );
  return loadStringify()([[...cells, safeCell(error.reason)]], { record_delimiter: 'windows' });
}

/** csv-stringify, loaded when the first row fails: a run where none does never needs it. */
const require = createRequire(import.meta.url);
const loadStringify = (): typeof Stringify => (require('csv-stringify/sync') as { stringify: typeof Stringify }).stringify;

/** `errors.csv`, or `errors.shard-2-of-8.csv` so that shards can share one output folder. */
export function errorsFileName(shard?: Shard): string {
  return shard && shard.n > 1 ? `errors.shard-${shard.k}-of-${shard.n}.csv` : 'errors.csv';
}

/** Writes DIR/errors.csv (header only when nothing failed, so an old file never lingers) through `write`. */
export async function writeErrorsCsv(dir: string, errors: readonly RowError[], write: WriteAtomic, shard?: Shard): Promise<string> {
  const path = join(dir, errorsFileName(shard));
  await write(path, formatErrorsCsv(errors));
  return path;
}

/**
 * Invisible characters that could hide or reorder what a cell shows: C0 and C1 controls, DEL, line and paragraph
 * separators, bidi controls (as in "Trojan Source"), and the byte order mark.
 */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/gu;

/** What a spreadsheet reads as the start of a formula (OWASP's list; tab and CR never lead once shown as <U+…>). */
const FORMULA_START = /^[=+\-@]/;

/** Half of a character cut off at the end of a value (by whoever shortened it before us): it is dropped, never shown as U+FFFD. */
const CUT_SURROGATE = /[\uD800-\uDBFF](…?)$/;

/** Half of a character anywhere else: shown by its code, since UTF-8 cannot hold it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A value as a cell that shows exactly what it is and runs nothing:
 * 1. cut to at most 200 UTF-16 units at a grapheme boundary, ending in "…", so a 10 MB cell cannot swamp the file
 *    and a cut never splits an emoji or an accented letter;
 * 2. hidden characters shown as `<U+XXXX>`;
 * 3. a value a spreadsheet would take for a formula (it starts with `=`, `+`, `-` or `@`) gets a leading `'`, so
 *    `=HYPERLINK(…)` in a business name stays text (CSV injection). A leading tab or CR, the other two starts
 *    OWASP lists, is already shown as `<U+0009>` / `<U+000D>` by step 2.
 */
export function safeCell(value: string): string {
  const shown = cut(value.replace(CUT_SURROGATE, '$1'))
    .replace(HIDDEN, (char) => `<${codeOf(char)}>`)
    .replace(LONE_SURROGATE, (char) => `<${codeOf(char)}>`);
  return FORMULA_START.test(shown) ? `'${shown}` : shown;
}

function cut(value: string): string {
  if (value.length <= MAX_CELL) return value;
  let kept = '';
  // Segmenting only a head of the text keeps a huge value cheap; no grapheme we keep lies beyond it.
  for (const { segment } of graphemes.segment(value.slice(0, MAX_CELL * 4))) {
    if (kept.length + segment.length > MAX_CELL - 1) break;
    kept += segment;
  }
  if (kept === '') kept = [...value].slice(0, MAX_CELL / 2).join(''); // one absurd grapheme: cut between code points
  return `${kept}…`;
}
