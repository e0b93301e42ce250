import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Problem } from '../../errors.js';
import type { Cell } from './record.js';
import { MAX_JSON_DEPTH, ROW_LIMITS } from '../../contract/input-limits.js';

/** Line and column (both from 1) of an offset in a text. */
export type Locate = (offset: number) => { line: number; column: number };

/** Parses JSON text into a tree (strict: no comments, no trailing commas), or gives the first error's offset and words. */
export function parseJson(text: string): { tree: Node } | { offset: number; message: string } {
  const depth = nestingOffset(text);
  if (depth >= 0) return { offset: depth, message: `nested more than ${MAX_JSON_DEPTH} levels deep` };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (first || !tree)
    return { offset: first?.offset ?? 0, message: `not valid JSON (${first ? printParseErrorCode(first.error) : 'no value'})` };
  return { tree };
}

/** Offset where brackets first nest deeper than MAX_JSON_DEPTH, or -1; strings are skipped. */
export function nestingOffset(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/**
 * The cells of one JSON object. A value may be text, a number (kept as its
 * source text, digit for digit: 20-digit numbers and 12.50 stay as written),
 * null (left out) or a list of those; a number in exponent form (1e400), true
 * or false, and a nested object or list are row problems: they cannot be
 * business text without changing it.
 */
export function objectCells(node: Node, text: string, where: Locate, file: string, row: number): { cells: Cell[]; problems: Problem[] } {
  const cells: Cell[] = [];
  const problems: Problem[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (typeof keyNode?.value !== 'string' || !valueNode) continue;
    const key = keyNode.value;
    const at = { file, row, ...where(keyNode.offset), field: key.trim().toLowerCase() };
    const value = cellValue(valueNode, text);
    if (typeof value === 'object' && 'problem' in value) problems.push({ ...at, message: value.problem });
    else if (value !== undefined) cells.push({ key, value, ...where(keyNode.offset) });
  }
  return { cells, problems };
}

type Value = string | string[] | undefined | { problem: string };

function cellValue(node: Node, text: string): Value {
  if (node.type === 'array') {
    const entries = node.children ?? [];
    if (entries.length > ROW_LIMITS.columns)
      return { problem: `is a list of ${entries.length} entries; at most ${ROW_LIMITS.columns} are read` };
    const list: string[] = [];
    for (const entry of entries) {
      const value =
        entry.type === 'array' || entry.type === 'object'
          ? { problem: 'is a list inside a list; expected a list of text like ["Kitchen", "Office"]' }
          : cellValue(entry, text);
      if (typeof value === 'object' && !Array.isArray(value)) return value;
      if (typeof value === 'string') list.push(value);
    }
    return list;
  }
  switch (node.type) {
    case 'string':
      return node.value as string;
    case 'null':
      return undefined;
    case 'number': {
      const raw = text.slice(node.offset, node.offset + node.length);
      if (/[eE]/.test(raw))
        return {
          problem: `is the number ${raw.slice(0, 40)} in exponent form, which is not business text; write the value in quotes as it should print`,
        };
      return raw;
    }
    case 'boolean':
      return { problem: `is ${String(node.value)}; expected text, so put it in quotes if you mean the word` };
    default:
      return {
        problem: 'is a nested object; expected text, a number or a list of text (for one language write "private_areas.es": [...])',
      };
  }
}

/** A Locate over a whole text: line starts found once, each lookup a binary search. */
export function locator(text: string): Locate {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}
