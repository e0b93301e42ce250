import { UsageError } from '../../errors.js';
import { readBytes, decodeUtf8 } from '../text-file.js';
import { locator, objectCells, parseJson } from './json-value.js';
import { toRowEvent } from './record.js';
import { ROW_LIMITS, type RowEvent, type RowSource } from './row-source.js';
import { fieldName } from './columns.js';

/**
 * A JSON array of business objects, read whole (up to 64 MB). Item N of the
 * array is row N. A syntax error is a usage error with line and column; an
 * item that is not an object, or an object with a bad value, is a row problem.
 */
export function openJson(file: string): RowSource {
  const text = decodeUtf8(readBytes(file, ROW_LIMITS.wholeFileBytes), `data file ${file}`);
  const where = locator(text);
  const parsed = parseJson(text);
  if ('offset' in parsed) {
    const { line, column } = where(parsed.offset);
    throw new UsageError(`data file ${file}: line ${line}, column ${column}: ${parsed.message}`);
  }
  const { tree } = parsed;
  if (tree.type !== 'array') {
    throw new UsageError(
      `data file ${file}: expected a JSON array of businesses like [{"name": "Lake Street Tortillería"}]; for one object per line use .ndjson`,
    );
  }
  const items = tree.children ?? [];
  if (items.length > ROW_LIMITS.rows)
    throw new UsageError(`data file ${file} has more than ${ROW_LIMITS.rows} rows; split it into smaller files`);
  const columns = new Set<string>();
  for (const item of items) {
    for (const property of item.type === 'object' ? (item.children ?? []) : []) {
      const key = property.children?.[0]?.value;
      if (typeof key === 'string' && fieldName(key) !== '') columns.add(fieldName(key));
    }
  }
  async function* rows(): AsyncGenerator<RowEvent> {
    for (const [index, item] of items.entries()) {
      const row = index + 1;
      if (item.type !== 'object') {
        yield {
          row,
          problems: [
            {
              file,
              row,
              ...where(item.offset),
              message: `is ${kind(item.type)}; expected an object like {"name": "Lake Street Tortillería"}`,
            },
          ],
        };
        continue;
      }
      const { cells, problems } = objectCells(item, text, where, file, row);
      yield toRowEvent(file, row, cells, problems);
    }
  }
  return { file, format: 'json', columns: [...columns], warnings: [], rows, close: () => undefined };
}

export function kind(type: string): string {
  return type === 'array' ? 'a list' : type === 'null' ? 'null' : type === 'boolean' ? 'true or false' : `a ${type}`;
}
