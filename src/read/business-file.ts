import { extname } from 'node:path';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import YAML from 'yaml';
import { InputError, UsageError } from '../errors.js';
import { readTextFile } from './text-file.js';

/** A business record as read: keys lower-cased, values still untyped. */
export type RawRecord = Readonly<Record<string, unknown>>;

/**
 * Reads one business from a YAML or JSON file. Every YAML scalar stays a
 * string (postal code 07102 keeps its zero). A file that cannot be read or
 * parsed is a usage error naming the file, line and column.
 */
export function readBusinessFile(file: string): RawRecord {
  const text = readTextFile(file);
  const value = extname(file).toLowerCase() === '.json' ? parseJson(text, file) : parseYaml(text, file);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${file}: expected one business as a mapping of field names to values (like "name: Lake Street Tortillería")`);
  }
  return lowerKeys(value as Record<string, unknown>, file);
}

function parseYaml(text: string, file: string): unknown {
  const doc = YAML.parseDocument(text, { schema: 'failsafe', uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const where = error.linePos?.[0] ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : 'somewhere';
    throw new UsageError(`${file}: ${where}: not valid YAML: ${error.message.split('\n')[0]}`);
  }
  return doc.toJS();
}

function parseJson(text: string, file: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    refuseDuplicateKeys(text, file);
    return value;
  } catch (error) {
    if (error instanceof InputError) throw error;
    // JSON.parse on Node 20 does not say where; jsonc-parser does.
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const where = first ? lineColumn(text, first.offset) : '';
    const what = first ? printParseErrorCode(first.error) : 'unexpected end of input';
    throw new UsageError(`${file}: ${where}not valid JSON (${what})`);
  }
}

/** JSON.parse keeps the last of two equal keys without a word; a business file must not say a field twice. */
function refuseDuplicateKeys(text: string, file: string): void {
  const tree = parseTree(text);
  if (tree?.type !== 'object') return;
  const seen = new Set<string>();
  for (const property of tree.children ?? []) {
    const key = property.children?.[0];
    if (typeof key?.value !== 'string') continue;
    if (seen.has(key.value)) {
      throw new InputError([{ file, ...position(text, key.offset), field: key.value.toLowerCase(), message: 'is given twice; keep one' }]);
    }
    seen.add(key.value);
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function lineColumn(text: string, offset: number): string {
  const { line, column } = position(text, offset);
  return `line ${line}, column ${column}: `;
}

/** Field names are matched without regard to case; the same field written twice ("Name" and "name") is an input error. */
function lowerKeys(record: Record<string, unknown>, file: string): RawRecord {
  const fields = new Map<string, [string, unknown]>();
  for (const [key, value] of Object.entries(record)) {
    const field = key.trim().toLowerCase();
    const earlier = fields.get(field);
    if (earlier) throw new InputError([{ file, field, message: `is given twice, as "${earlier[0]}" and "${key}"; keep one` }]);
    fields.set(field, [key, value]);
  }
  return Object.fromEntries([...fields].map(([field, [, value]]) => [field, value]));
}
