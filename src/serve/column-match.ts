import { knownColumns } from '../batch/known-columns.js';
import type { FieldSpec } from '../templates/manifest.js';

export interface ColumnMatch {
  readonly column: string;
  /** The field the batch reads this column as, or null when the batch ignores it. */
  readonly field: string | null;
}

/**
 * How the batch runner will read each column of an upload: the one call the
 * page's column table rests on. It asks the batch's own rule (knownColumns),
 * so the table shows what runBatch does. When header synonyms and a column
 * map reach the batch runner, point this function at them.
 */
export function matchColumns(columns: readonly string[], fields: Readonly<Record<string, FieldSpec>>): ColumnMatch[] {
  const known = knownColumns(fields);
  return columns.map((column) => ({ column, field: known.has(column) ? column : null }));
}
