import { Lexer } from 'yaml';

/** A list of businesses nests three deep (list, mapping, list of text); past this bound the file is refused. */
export const MAX_YAML_DEPTH = 64;

/**
 * The first line where YAML nesting may pass MAX_YAML_DEPTH, or undefined.
 * yaml's composer recurses once per level, and a stack overflow inside V8's
 * regular-expression compiler is a fatal error, not a catchable RangeError;
 * so the depth is bounded first with yaml's own lexer, which loops without
 * recursion and stops at the first sign of trouble. The bound counts open
 * flow brackets, block indicators (- ? :) on the line and twice the open
 * indentation levels, so it never counts less than the real depth.
 */
export function tooDeepLine(text: string): number | undefined {
  let flow = 0;
  let indicators = 0;
  let line = 1;
  let lineStart = true;
  const indents: number[] = [];
  for (const token of new Lexer().lex(text)) {
    if (token === '\n' || token === '\r\n') {
      line++;
      indicators = 0;
      lineStart = true;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      const indent = /^ +$/.test(token) ? token.length : 0;
      while (indents.length > 0 && indents.at(-1)! > indent) indents.pop();
      if (indent > (indents.at(-1) ?? -1)) indents.push(indent);
    }
    if (token === '[' || token === '{') flow++;
    else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if (flow === 0 && (token === '-' || token === '?' || token === ':')) indicators++;
    if (flow + indicators + 2 * indents.length > MAX_YAML_DEPTH) return line;
  }
  return undefined;
}
