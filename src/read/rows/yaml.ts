import YAML, { isAlias, isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import { UsageError, type Problem } from '../../errors.js';
import { decodeUtf8, readBytes } from '../text-file.js';
import { fieldName, FieldNames } from './columns.js';
import { checkYamlShape } from './yaml-shape.js';
import { toRowEvent, type Cell } from './record.js';
import { type RowEvent, type RowSource } from './row-source.js';
import { ROW_LIMITS } from '../../contract/input-limits.js';

/**
 * A YAML list of business mappings, read whole (up to 8 MB and 300,000 values) with the
 * failsafe schema, so every scalar is text (07102 keeps its zero, "no" stays
 * "no"). Item N of the list is row N. Aliases are capped (an alias bomb is a
 * usage error naming where the cap was passed) and only resolved one level
 * deep, since a row value is text or a list of text; a field given twice in a
 * row is a row problem, like a nested mapping.
 */
export function openYaml(file: string): RowSource {
  const text = decodeUtf8(readBytes(file, ROW_LIMITS.yamlBytes), `data file ${file}`);
  const lineCounter = new LineCounter();
  const doc = parse(text, file, lineCounter);
  const where = (node: Node | null | undefined) => {
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line: pos.line, column: pos.col };
  };
  let aliases = 0;
  deep(file, () =>
    YAML.visit(doc, {
      Alias(_, alias) {
        if (++aliases <= ROW_LIMITS.yamlAliases) return;
        const { line, column } = where(alias);
        throw new UsageError(
          `data file ${file}: line ${line}, column ${column}: more than ${ROW_LIMITS.yamlAliases} aliases (*name); write the values out instead`,
        );
      },
    }),
  );
  const list = doc.contents;
  if (!isSeq(list)) throw new UsageError(`data file ${file}: expected a YAML list of businesses, each item starting with "- name: ..."`);
  if (list.items.length > ROW_LIMITS.rows)
    throw new UsageError(`data file ${file} has more than ${ROW_LIMITS.rows} rows; split it into smaller files`);
  const items = list.items;
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  const columns = new FieldNames(file);
  for (const item of items) {
    const map = resolve(item);
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      const key = resolve(pair.key);
      if (isScalar(key)) columns.add(String(key.value));
    }
  }
  async function* rows(): AsyncGenerator<RowEvent> {
    for (const [index, item] of items.entries()) {
      const row = index + 1;
      const map = resolve(item);
      if (!isMap(map)) {
        yield {
          row,
          problems: [
            { file, row, ...where(item as Node), message: 'is not a mapping; expected fields like "- name: Lake Street Tortillería"' },
          ],
        };
        continue;
      }
      const cells: Cell[] = [];
      const problems: Problem[] = [];
      for (const pair of map.items) {
        const key = resolve(pair.key);
        const at = where(pair.key as Node);
        if (!isScalar(key)) {
          problems.push({ file, row, ...at, message: 'has a field name that is not text; expected "field: value"' });
          continue;
        }
        const value = cellValue(resolve(pair.value), resolve);
        if (typeof value === 'object' && 'problem' in value)
          problems.push({ file, row, ...at, field: fieldName(String(key.value)), message: value.problem });
        else if (value !== undefined) cells.push({ key: String(key.value), value, ...at });
      }
      yield toRowEvent(file, row, cells, problems);
    }
  }
  return { file, format: 'yaml', columns: columns.list, warnings: [], rows, close: () => undefined };
}

function cellValue(node: unknown, resolve: (node: unknown) => unknown): string | string[] | undefined | { problem: string } {
  if (node === null || node === undefined) return undefined;
  if (isScalar(node)) return node.value === null ? undefined : String(node.value);
  if (isSeq(node)) {
    if (node.items.length > ROW_LIMITS.columns)
      return { problem: `is a list of ${node.items.length} entries; at most ${ROW_LIMITS.columns} are read` };
    const list: string[] = [];
    for (const entry of node.items.map(resolve)) {
      if (!isScalar(entry)) return { problem: 'is a list that holds more than text; expected a list like [Kitchen, Office]' };
      if (entry.value !== null) list.push(String(entry.value));
    }
    return list;
  }
  return { problem: 'is a nested mapping; expected text or a list of text (for one language write "private_areas.es: [...]")' };
}

function parse(text: string, file: string, lineCounter: LineCounter): Document.Parsed {
  checkYamlShape(text, file);
  const doc = deep(file, () => YAML.parseDocument(text, { schema: 'failsafe', uniqueKeys: false, lineCounter, prettyErrors: true }));
  const error = doc.errors[0];
  if (error) {
    const where = error.linePos?.[0] ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ` : '';
    throw new UsageError(`data file ${file}: ${where}not valid YAML: ${error.message.split('\n')[0]}`);
  }
  return doc;
}

/** Runs a recursive walk; nesting deep enough to exhaust the stack is a usage error, not a crash. */
function deep<T>(file: string, walk: () => T): T {
  try {
    return walk();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`data file ${file}: nested too deeply to read; expected a list of businesses`);
    throw error;
  }
}
