import { parseTree, printParseErrorCode, visit } from 'jsonc-parser';
import { UsageError } from '../../errors.js';
import { decodeUtf8, readBytes } from '../text-file.js';
import { FieldNames } from './columns.js';
import { locator, nestingOffset, objectCells } from './json-value.js';
import { toRowEvent } from './record.js';
import { type RowEvent, type RowSource } from './row-source.js';
import { MAX_JSON_DEPTH, ROW_LIMITS } from '../../contract/input-limits.js';

/** Where each item of the top-level array lies in the text, and what it is. */
interface Items {
  readonly starts: number[];
  readonly ends: number[];
  readonly kinds: string[];
}

/**
 * A JSON array of business objects, read whole (up to 64 MB). Item N of the
 * array is row N. A syntax error is a usage error with line and column; an
 * item that is not an object, or an object with a bad value, is a row problem.
 * The file is scanned once without building a tree (a tree of millions of
 * tiny items would not fit in memory); each item is parsed when its row is read.
 */
export function openJson(file: string): RowSource {
  const text = decodeUtf8(readBytes(file, ROW_LIMITS.wholeFileBytes), `data file ${file}`);
  const where = locator(text);
  const fail = (offset: number, message: string): never => {
    const { line, column } = where(offset);
    throw new UsageError(`data file ${file}: line ${line}, column ${column}: ${message}`);
  };
  const deep = nestingOffset(text);
  if (deep >= 0) fail(deep, `nested more than ${MAX_JSON_DEPTH} levels deep; expected a list of businesses`);
  const { items, columns } = scan(text, file, fail);
  async function* rows(): AsyncGenerator<RowEvent> {
    for (let index = 0; index < items.starts.length; index++) {
      const row = index + 1;
      const start = items.starts[index]!;
      // An item that cannot be a business is a problem of its row; the run goes on.
      const refuse = (message: string): RowEvent => ({ row, problems: [{ file, row, ...where(start), message }] });
      if (items.kinds[index] !== 'object') {
        yield refuse(`is ${kind(items.kinds[index]!)}; expected an object like {"name": "Lake Street Tortillería"}`);
        continue;
      }
      if (items.ends[index]! - start > ROW_LIMITS.recordChars) {
        yield refuse(`is longer than ${ROW_LIMITS.recordChars / 1024 / 1024} MB; one business is a few hundred bytes`);
        continue;
      }
      const itemText = text.slice(start, items.ends[index]);
      const { cells, problems } = objectCells(parseTree(itemText)!, itemText, (offset) => where(start + offset), file, row);
      yield toRowEvent(file, row, cells, problems);
    }
  }
  return { file, format: 'json', columns, warnings: [], rows, close: () => undefined };
}

function scan(text: string, file: string, fail: (offset: number, message: string) => never): { items: Items; columns: string[] } {
  const items: Items = { starts: [], ends: [], kinds: [] };
  const columns = new FieldNames(file);
  let depth = 0;
  let top: string | undefined;
  const begin = (type: string, offset: number) => {
    if (depth === 0) top = type;
    else if (depth === 1) {
      if (items.starts.length >= ROW_LIMITS.rows)
        throw new UsageError(`data file ${file} has more than ${ROW_LIMITS.rows} rows; split it into smaller files`);
      items.starts.push(offset);
      items.kinds.push(type);
      items.ends.push(offset);
    }
  };
  const end = (offset: number, length: number) => {
    if (depth === 1) items.ends[items.ends.length - 1] = offset + length;
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => void (begin('object', offset), depth++),
      onArrayBegin: (offset) => void (begin('array', offset), depth++),
      onObjectEnd: (offset, length) => void (depth--, end(offset, length)),
      onArrayEnd: (offset, length) => void (depth--, end(offset, length)),
      onLiteralValue: (value: unknown, offset, length) => {
        begin(value === null ? 'null' : typeof value, offset);
        end(offset, length);
      },
      onObjectProperty: (property) => {
        if (depth === 2) columns.add(property);
      },
      onError: (error, offset) => fail(offset, `not valid JSON (${printParseErrorCode(error)})`),
    },
    { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false },
  );
  if (top === undefined) fail(0, 'not valid JSON (no value)');
  if (top !== 'array')
    throw new UsageError(
      `data file ${file}: expected a JSON array of businesses like [{"name": "Lake Street Tortillería"}]; for one object per line use .ndjson`,
    );
  return { items, columns: columns.list };
}

export function kind(type: string): string {
  return type === 'array' ? 'a list' : type === 'null' ? 'null' : type === 'boolean' ? 'true or false' : `a ${type}`;
}
