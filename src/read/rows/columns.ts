import { UsageError, type Problem } from '../../errors.js';
import { ROW_LIMITS } from '../../contract/input-limits.js';

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
export function readHeader(cells: readonly (string | undefined)[], file: string, row = 1): Header {
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
        `${file}: row ${row}, column ${columnLetter(index)}: the header is longer than ${ROW_LIMITS.valueBytes} bytes; expected a field name like "name"`,
      );
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      throw new UsageError(
        `${file}: row ${row}: columns ${columnLetter(earlier)} ("${cells[earlier]!.trim()}") and ${columnLetter(index)} ("${cell!.trim()}") ` +
          `are both the field "${field}" (names are matched without regard to case); rename or remove one`,
      );
    }
    seen.set(field, index);
    fields.push(field);
  }
  if (seen.size === 0) throw new UsageError(`${file}: row ${row} has no field names; expected a header row like "id,name,street,city"`);
  if (seen.size > ROW_LIMITS.headerColumns) {
    throw new UsageError(`${file}: row ${row} has ${seen.size} named columns; that is not a sheet of businesses`);
  }
  return { fields, columns: [...seen.keys()] };
}

/** Columns without a header that hold values: collected while rows are read, then one warning for the file. */
export class UnnamedColumns {
  private readonly letters = new Set<string>();
  private firstRow = 0;

  add(column: number | string, row: number): void {
    if (this.letters.size === 0) this.firstRow = row;
    this.letters.add(typeof column === 'number' ? columnLetter(column) : column);
  }

  warning(file: string, headerRow: number): Problem | undefined {
    const letters = [...this.letters];
    if (letters.length === 0) return undefined;
    if (letters.length === 1) {
      return {
        file,
        row: this.firstRow,
        message: `column ${letters[0]} has no header, so its values are ignored; give it a field name in row ${headerRow}`,
      };
    }
    const named = `${letters.slice(0, 5).join(', ')}${letters.length > 5 ? ` and ${letters.length - 5} more` : ''}`;
    return {
      file,
      row: this.firstRow,
      message: `columns ${named} have no header, so their values are ignored; give each a field name in row ${headerRow}`,
    };
  }
}

/** The field names of a file without a header row (JSON, NDJSON, YAML), in order of first use, at most ROW_LIMITS.columns of them. */
export class FieldNames {
  private readonly names = new Set<string>();

  constructor(private readonly file: string) {}

  add(key: string): void {
    const field = fieldName(key);
    if (field === '' || this.names.has(field)) return;
    if (this.names.size >= ROW_LIMITS.columns) {
      throw new UsageError(
        `data file ${this.file} uses more than ${ROW_LIMITS.columns} different field names; remove the ones placard does not use`,
      );
    }
    this.names.add(field);
  }

  get list(): string[] {
    return [...this.names];
  }
}
