import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import YAML, { isMap, isScalar, isSeq, type Document } from 'yaml';
import { UsageError, type Problem } from '../errors.js';
import { readTextFile } from '../read/text-file.js';
import { MAX_LOCALE_FILE_BYTES } from '../contract/input-limits.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Strings by key, nested objects allowed (i18next JSON v4). */
export type StringTree = { readonly [key: string]: string | StringTree };

/** Reads a locale file's text, or the problem that stopped it (missing, too big, not UTF-8). */
export function readLocaleText(file: string): Parsed<string> {
  try {
    return { ok: true, value: readTextFile(file, MAX_LOCALE_FILE_BYTES, 'locale file') };
  } catch (error) {
    if (error instanceof UsageError) return { ok: false, problems: [{ file, message: error.message }] };
    throw error;
  }
}

export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: [...before.at(-1)!].length + 1 };
}

/**
 * Parses a namespace file: a JSON object whose values are strings or
 * objects of strings. Bad syntax, a key given twice and a value of the wrong
 * type are problems with line and column, never an exception.
 */
export function parseStringsJson(text: string, file: string): Parsed<StringTree> {
  const quick = plainStringsJson(text);
  if (quick) return { ok: true, value: quick };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const where = first ? position(text, first.offset) : {};
    return {
      ok: false,
      problems: [{ file, ...where, message: `not valid JSON (${first ? printParseErrorCode(first.error) : 'empty file'})` }],
    };
  }
  if (tree.type !== 'object') {
    return {
      ok: false,
      problems: [{ file, ...position(text, tree.offset), message: 'expected a JSON object of strings, like {"title": "…"}' }],
    };
  }
  const problems: Problem[] = [];
  const value = stringsOf(tree, '', text, file, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** A JSON string token, and whether a colon follows it (then it is a key). */
const JSON_STRING = /"(?:[^"\\]|\\.)*"(\s*:)?/g;

/**
 * The common case, fast: text that JSON.parse reads as an object of strings
 * and objects of strings, with no key given twice (as many keys parsed as
 * written) and no "__proto__" key. A render reads some 20 namespace files,
 * and the tree parser below costs some 10 ms more, cold (measured
 * 2026-12-02). Anything else gives undefined, and the tree parser names the
 * problem.
 */
function plainStringsJson(text: string): StringTree | undefined {
  if (text.includes('"__proto__"')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsedKeys = stringKeys(value);
  if (parsedKeys === undefined) return undefined;
  let writtenKeys = 0;
  for (const match of text.matchAll(JSON_STRING)) if (match[1] !== undefined) writtenKeys++;
  return writtenKeys === parsedKeys ? (value as StringTree) : undefined;
}

/** How many keys an object of strings (and objects of strings) has, counting nested ones; undefined for anything else. */
function stringKeys(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  let count = 0;
  for (const item of Object.values(value)) {
    count++;
    if (typeof item === 'string') continue;
    const inner = stringKeys(item);
    if (inner === undefined) return undefined;
    count += inner;
  }
  return count;
}

function stringsOf(node: Node, prefix: string, text: string, file: string, problems: Problem[]): StringTree {
  const out: Record<string, string | StringTree> = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    const field = `${prefix}${key}`;
    if (Object.hasOwn(out, key)) {
      problems.push({ file, ...position(text, keyNode.offset), field, message: 'is given twice; keep one' });
    } else if (valueNode.type === 'string') {
      out[key] = valueNode.value as string;
    } else if (valueNode.type === 'object') {
      out[key] = stringsOf(valueNode, `${field}.`, text, file, problems);
    } else {
      problems.push({ file, ...position(text, valueNode.offset), field, message: `expected a string in quotes, found ${valueNode.type}` });
    }
  }
  return out;
}

/** The line and column of a JSON key path (e.g. ["ask_for"]) in a namespace file, if it is there. */
export function jsonKeyPosition(text: string, path: readonly string[]): { line?: number; column?: number } {
  let node = parseTree(text);
  for (const [index, key] of path.entries()) {
    const property = node?.children?.find((child) => child.children?.[0]?.value === key);
    if (!property) return {};
    if (index === path.length - 1) return position(text, property.children![0]!.offset);
    node = property.children?.[1];
  }
  return {};
}

/** Parses a YAML file (metadata, notes) strictly: bad syntax and duplicate keys are problems with line and column. */
export function parseYamlFile(text: string, file: string): Parsed<{ value: unknown; doc: Document }> {
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        ...(error.linePos?.[0] ? { line: error.linePos[0].line, column: error.linePos[0].col } : {}),
        message: `not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  return { ok: true, value: { value: doc.toJS() as unknown, doc } };
}

/** The line and column where a YAML path starts (e.g. ["status"]), for messages about a value. */
export function yamlPosition(doc: Document, text: string, path: readonly (string | number)[]): { line?: number; column?: number } {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true);
    else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
    else break;
  }
  const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
  return range ? position(text, range[0]) : {};
}

/** An optional YAML file beside a locale's strings (glossary.yaml, translated-from.yaml), read and parsed; undefined when absent. */
export function readOptionalLocaleYaml(
  dir: string,
  name: string,
): Parsed<{ file: string; text: string; value: unknown; doc: Document } | undefined> {
  const file = join(dir, name);
  if (!existsSync(file)) return { ok: true, value: undefined };
  const text = readLocaleText(file);
  if (!text.ok) return text;
  const parsed = parseYamlFile(text.value, file);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { file, text: text.value, ...parsed.value } };
}
