import { Lexer } from 'yaml';
import { UsageError } from '../../errors.js';
import { MAX_YAML_DEPTH, MAX_YAML_NODES } from '../../contract/input-limits.js';

/**
 * Checks a YAML text's shape before it is composed, with yaml's own lexer,
 * which loops without recursion and stops at the first sign of trouble:
 * - depth: yaml's composer recurses once per level, and a stack overflow in
 *   V8's regular-expression compiler is a fatal error, not a catchable
 *   RangeError. The bound counts open flow brackets, block indicators (- ? :)
 *   on the line and twice the open indentation levels, never less than the
 *   real depth;
 * - size: composing millions of tiny nodes takes minutes and gigabytes.
 */
export function checkYamlShape(text: string, file: string): void {
  let flow = 0;
  let indicators = 0;
  let nodes = 0;
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
    if (flow + indicators + 2 * indents.length > MAX_YAML_DEPTH) {
      throw new UsageError(
        `data file ${file}: line ${line}: nested more than ${MAX_YAML_DEPTH} levels deep; expected a list of businesses`,
      );
    }
    if (token === '\x1f' || token === '-' || token === ':' || token.startsWith('"') || token.startsWith("'")) nodes++;
    if (nodes > MAX_YAML_NODES) {
      throw new UsageError(
        `data file ${file}: line ${line}: more than ${MAX_YAML_NODES} values; a YAML list this long is slow to read, so save it as CSV or NDJSON`,
      );
    }
  }
}
