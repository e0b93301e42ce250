import { extname } from 'node:path';
import YAML, { LineCounter } from 'yaml';
import type { RawRecord } from '../contract/record.js';
import { InputError, UsageError } from '../errors.js';
import { locator, objectCells, parseJson } from './rows/json-value.js';
import { toRowEvent } from './rows/record.js';
import { readTextFile } from './text-file.js';
import { swallowedByComments, yamlAdvice } from './yaml-advice.js';

/**
 * Reads one business from a YAML or JSON file. Every YAML scalar stays a
 * string (postal code 07102 keeps its zero). A file that cannot be read or
 * parsed is a usage error naming the file, line and column.
 */
export function readBusinessFile(file: string): RawRecord {
  return readBusinessFileWithWarnings(file).record;
}

/** readBusinessFile, with warnings about the file: a value a YAML comment cut short, naming its line. */
export function readBusinessFileWithWarnings(file: string): { record: RawRecord; warnings: string[] } {
  return parseBusinessTextWithWarnings(readTextFile(file), file);
}

/** One business from text already read (`render --data -` reads stdin): JSON when the name ends in .json, else YAML. */
export function parseBusinessText(text: string, file: string): RawRecord {
  return parseBusinessTextWithWarnings(text, file).record;
}

function parseBusinessTextWithWarnings(text: string, file: string): { record: RawRecord; warnings: string[] } {
  if (extname(file).toLowerCase() === '.json') return { record: readJsonRecord(text, file), warnings: [] };
  const { value, warnings } = parseYaml(text, file);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${file}: expected one business as a mapping of field names to values (like "name: Lake Street Tortillería")`);
  }
  return { record: lowerKeys(value as Record<string, unknown>, file), warnings: warnings.map((warning) => `${file}: ${warning}`) };
}

/**
 * One business from JSON, by the same rules as a batch's JSON rows: numbers
 * keep their digits as written (a number in exponent form, true and false
 * are refused, never changed), a field given twice is an input error.
 */
function readJsonRecord(text: string, file: string): RawRecord {
  const where = locator(text);
  const parsed = parseJson(text);
  if ('offset' in parsed) {
    const { line, column } = where(parsed.offset);
    throw new UsageError(`${file}: line ${line}, column ${column}: ${parsed.message}`);
  }
  if (parsed.tree.type !== 'object') {
    throw new UsageError(
      `${file}: expected one business as a mapping of field names to values (like {"name": "Lake Street Tortillería"}); for many businesses use placard batch`,
    );
  }
  const { cells, problems } = objectCells(parsed.tree, text, where, file, 1);
  const event = toRowEvent(file, 1, cells, problems);
  if ('problems' in event) throw new InputError(event.problems.map(({ row: _row, ...problem }) => problem));
  return event.record;
}

function parseYaml(text: string, file: string): { value: unknown; warnings: string[] } {
  const lines = new LineCounter();
  const doc = YAML.parseDocument(text, { schema: 'failsafe', uniqueKeys: true, lineCounter: lines });
  const error = doc.errors[0];
  if (error) throw new UsageError(`${file}: ${yamlAdvice(error, text)}`);
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), warnings: swallowedByComments(doc, lines) };
  } catch (error) {
    // The yaml package stops alias bombs and says so; a stack overflow means nesting no business needs.
    const what = error instanceof RangeError ? 'is nested too deeply' : `uses more than ${MAX_YAML_ALIASES} aliases (*name)`;
    throw new UsageError(`${file}: ${what}; business data is a flat mapping of fields`);
  }
}

/** A mapping, or a list holding one: no business field is one (it would print as "[object Object]"). */
function nested(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((entry) => entry !== null && typeof entry === 'object');
  return value !== null && typeof value === 'object';
}

/** A business file needs no aliases at all; a few are harmless, thousands are an attack. */
const MAX_YAML_ALIASES = 50;

/** Field names are matched without regard to case; the same field written twice ("Name" and "name") is an input error. */
function lowerKeys(record: Record<string, unknown>, file: string): RawRecord {
  const fields = new Map<string, [string, unknown]>();
  for (const [key, value] of Object.entries(record)) {
    const field = key.trim().toLowerCase();
    const earlier = fields.get(field);
    if (earlier) throw new InputError([{ file, field, message: `is given twice, as "${earlier[0]}" and "${key}"; keep one` }]);
    if (nested(value))
      throw new InputError([
        { file, field, message: 'is a nested mapping; expected text or a list of text (put a value with ":", "{" or "[" in quotes)' },
      ]);
    fields.set(field, [key, value]);
  }
  return Object.fromEntries([...fields].map(([field, [, value]]) => [field, value]));
}
