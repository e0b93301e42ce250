import type { Problem } from '../../errors.js';
import { fieldName } from './columns.js';
import { type RowEvent } from './row-source.js';
import { MAX_VALUE_TEXT, ROW_LIMITS } from '../../contract/input-limits.js';

/** One value of a row, before checks: `key` is the name as written (for messages), `where` its line/column if known. */
export interface Cell {
  readonly key: string;
  readonly value: string | readonly string[];
  readonly line?: number;
  readonly column?: number;
}

/**
 * Turns a row's cells into a record, or into the problems that keep it from
 * being one: a field given twice, a value over the size limit, text that is
 * not well-formed Unicode, too many cells. Empty values are left out, as an
 * empty spreadsheet cell is. `problems` are those the format reader found.
 */
export function toRowEvent(
  file: string,
  row: number,
  cells: readonly Cell[],
  problems: readonly Problem[] = [],
): Exclude<RowEvent, { skipped: string }> {
  const found: Problem[] = [...problems];
  if (cells.length > ROW_LIMITS.columns) {
    return { row, problems: [...found, { file, row, message: `has ${cells.length} fields; at most ${ROW_LIMITS.columns} are read` }] };
  }
  const record = new Map<string, string | readonly string[]>();
  const keys = new Map<string, string>();
  for (const cell of cells) {
    const field = fieldName(cell.key);
    // Where a problem is, made only for a cell that has one (most rows have none).
    const at = () => ({
      file,
      row,
      ...(cell.line === undefined ? {} : { line: cell.line }),
      ...(cell.column === undefined ? {} : { column: cell.column }),
      field,
    });
    if (field === '') {
      found.push({ ...at(), message: 'has a value without a field name; give it a name like "city" or remove it' });
      continue;
    }
    const earlier = keys.get(field);
    if (earlier !== undefined) {
      found.push({
        ...at(),
        message: `is given twice, as "${earlier}" and "${cell.key}" (names are matched without regard to case); keep one`,
      });
      continue;
    }
    keys.set(field, cell.key);
    const problem = valueProblem(cell.value);
    if (problem) {
      found.push({
        ...at(),
        value: typeof cell.value === 'string' ? cell.value.slice(0, 60) : cell.value.join(';').slice(0, 60),
        message: problem,
      });
      continue;
    }
    const value = typeof cell.value === 'string' ? cell.value : cell.value.filter((entry) => entry !== '');
    if (value.length > 0) record.set(field, value);
  }
  return found.length > 0 ? { row, problems: found } : { row, record: Object.fromEntries(record) };
}

/** In a `u` regex a surrogate pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;

function valueProblem(value: string | readonly string[]): string | undefined {
  if (typeof value === 'string') {
    // The usual cell, without an array around it; counted in bytes only when it could pass the limit.
    const bytes = value.length * 3 <= ROW_LIMITS.valueBytes ? 0 : Buffer.byteLength(value);
    return textProblem(value) ?? (bytes > ROW_LIMITS.valueBytes ? sizeProblem(bytes) : undefined);
  }
  let bytes = 0;
  for (const text of value) {
    bytes += Buffer.byteLength(text);
    const problem = textProblem(text);
    if (problem) return problem;
  }
  return bytes > ROW_LIMITS.valueBytes ? sizeProblem(bytes) : undefined;
}

/** A NUL byte or a lone surrogate in one text. */
function textProblem(text: string): string | undefined {
  if (text.includes('\0')) return 'holds a NUL byte (0x00), which is not text; retype the value';
  if (LONE_SURROGATE.test(text)) return 'holds a lone surrogate (\\uD800 to \\uDFFF), which is not a character; fix the text';
  return undefined;
}

function sizeProblem(bytes: number): string {
  return `is ${bytes} bytes long; a value may hold at most ${MAX_VALUE_TEXT}`;
}
