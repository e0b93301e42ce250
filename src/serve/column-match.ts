import { chooseColumns, runFields } from '../read/rows/column-map.js';
import type { FieldSpec } from '../templates/manifest.js';

export interface ColumnMatch {
  readonly column: string;
  /** The field the batch reads this column as, or null when the batch ignores it. */
  readonly field: string | null;
}

/**
 * How the batch runner will read each column of an upload: the one call the
 * page's column table rests on. It asks the batch's own rule (chooseColumns:
 * field names in any spelling, then the synonyms cities use), so the table
 * shows what runBatch does.
 */
export function matchColumns(columns: readonly string[], fields: Readonly<Record<string, FieldSpec>>): ColumnMatch[] {
  const { byHeader } = chooseColumns({ file: 'upload', columns }, runFields(fields));
  return columns.map((column) => ({ column, field: byHeader.get(column) ?? null }));
}
