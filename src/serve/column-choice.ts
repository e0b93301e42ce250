import { chooseColumns, runFields, type ExplicitColumns } from '../read/rows/column-map.js';
import { UsageError } from '../errors.js';
import type { FieldSpec } from '../templates/manifest.js';
import { HttpError } from './http-basics.js';
import type { ColumnMatch } from './column-match.js';

/** The fields the page's column table offers for a notice, required ones marked. */
export function fieldChoices(fields: Readonly<Record<string, FieldSpec>>): { name: string; required: boolean }[] {
  const set = runFields(fields);
  return [...set.fields].map((name) => ({ name, required: set.required.has(name) }));
}

/**
 * The match the user chose on the page (each column of the upload and the
 * field it is read as, or null), checked against the upload and the notice:
 * never trusted as sent. Answers it as the batch's `columns` option
 * (field → header); anything the batch would read otherwise is a 400 that
 * says what to change.
 */
export function chosenColumns(sent: unknown, upload: readonly ColumnMatch[], fields: Readonly<Record<string, FieldSpec>>): ExplicitColumns {
  if (!Array.isArray(sent) || sent.length > upload.length) throw new HttpError(400, 'columns: expected the table of columns and fields');
  const set = runFields(fields);
  const headers = upload.map((match) => match.column);
  // A per-language field such as private_areas.es is offered only when the upload's own header gave it.
  const known = new Set([...set.fields, ...upload.flatMap((match) => (match.field ? [match.field] : []))]);
  const explicit: Record<string, string> = {};
  const ignored = new Set<string>();
  const seen = new Set<string>();
  for (const entry of sent as unknown[]) {
    const { column, field } = (entry ?? {}) as { column?: unknown; field?: unknown };
    if (typeof column !== 'string' || !headers.includes(column))
      throw new HttpError(400, `columns: the spreadsheet has no column ${quoted(column)}`);
    if (seen.has(column)) throw new HttpError(400, `columns: the column "${column}" is listed twice`);
    seen.add(column);
    if (field === null || field === '') {
      ignored.add(column);
      continue;
    }
    if (typeof field !== 'string' || !known.has(field)) throw new HttpError(400, `columns: ${quoted(field)} is not a field of this notice`);
    if (field in explicit) throw new HttpError(400, `columns: "${explicit[field]}" and "${column}" are both read as ${field}; choose one`);
    explicit[field] = column;
  }
  const missing = [...set.required].filter((field) => !(field in explicit));
  if (missing.length > 0) {
    throw new HttpError(
      400,
      `no column is read as the required field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; choose one for each`,
    );
  }
  let byHeader: Map<string, string>;
  try {
    ({ byHeader } = chooseColumns({ file: 'the spreadsheet', columns: headers }, set, explicit));
  } catch (error) {
    if (error instanceof UsageError) throw new HttpError(400, error.message);
    throw error;
  }
  for (const [field, column] of Object.entries(explicit)) {
    if (byHeader.get(column) !== field)
      throw new HttpError(400, `columns: "${column}" cannot be told apart from another column; rename one in the spreadsheet`);
  }
  // The batch reads a column by its own name when no chosen column gives that field; "not used" must be true.
  for (const column of ignored) {
    const field = byHeader.get(column);
    if (field) {
      throw new HttpError(
        400,
        `the column "${column}" is read as ${field} by its name; choose another column for ${field}, or rename "${column}" in the spreadsheet`,
      );
    }
  }
  return explicit;
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${value.slice(0, 80)}"` : 'given';
}
