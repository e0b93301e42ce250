import { UsageError } from '../../errors.js';
import { ROW_LIMITS } from './row-source.js';

/** A field name as `render` matches it: trimmed, lower-cased (`Private_Areas.ES` -> `private_areas.es`). */
export function fieldName(key: string): string {
  return key.trim().toLowerCase();
}

/** Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The header row of a CSV, TSV or XLSX file: the field of each column (undefined for an empty header cell). */
export interface Header {
  readonly fields: readonly (string | undefined)[];
  /** The named columns' fields, in order. */
  readonly columns: readonly string[];
}

/**
 * Matches header cells to field names. Two cells naming the same field
 * ("Name" and "name ") would make every row ambiguous, so that is a usage
 * error naming both columns; so is a header with no names at all.
 */
export function readHeader(cells: readonly (string | undefined)[], file: string): Header {
  const fields: (string | undefined)[] = [];
  const seen = new Map<string, number>();
  for (const [index, cell] of cells.entries()) {
    const field = cell === undefined ? '' : fieldName(cell);
    if (field === '') {
      fields.push(undefined);
      continue;
    }
    if (Buffer.byteLength(field) > ROW_LIMITS.valueBytes) {
      throw new UsageError(
        `${file}: row 1, column ${columnLetter(index)}: the header is longer than ${ROW_LIMITS.valueBytes} bytes; expected a field name like "name"`,
      );
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      throw new UsageError(
        `${file}: row 1: columns ${columnLetter(earlier)} ("${cells[earlier]!.trim()}") and ${columnLetter(index)} ("${cell!.trim()}") ` +
          `are both the field "${field}" (names are matched without regard to case); rename or remove one`,
      );
    }
    seen.set(field, index);
    fields.push(field);
  }
  if (seen.size === 0) throw new UsageError(`${file}: row 1 has no field names; expected a header row like "id,name,street,city"`);
  if (seen.size > ROW_LIMITS.columns) {
    throw new UsageError(
      `${file}: row 1 has ${seen.size} named columns; at most ${ROW_LIMITS.columns} are read. Remove the columns placard does not use`,
    );
  }
  return { fields, columns: [...seen.keys()] };
}
