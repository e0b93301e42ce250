import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { InputError, UsageError } from '../errors.js';

/** Business data is flat: a record of values, a value at most a list. Anything deeper is refused before parsing. */
export const MAX_JSON_DEPTH = 16;

/**
 * Parses JSON text for placard: numbers keep the digits as written (a
 * 20-digit phone number or `1e400` is never rounded: it becomes the text
 * it was), a key given twice in one object is an input error, and nesting
 * deeper than MAX_JSON_DEPTH is a usage error with line and column.
 */
export function parseJsonText(text: string, source: string): unknown {
  refuseDeepNesting(text, source);
  try {
    JSON.parse(text);
  } catch {
    // JSON.parse on Node 20 does not say where; jsonc-parser does.
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const where = first ? `${lineColumn(text, first.offset)}: ` : '';
    throw new UsageError(`${source}: ${where}not valid JSON (${first ? printParseErrorCode(first.error) : 'unexpected end of input'})`);
  }
  const tree = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  return tree ? toValue(tree, text, source) : undefined;
}

function toValue(node: Node, text: string, source: string): unknown {
  switch (node.type) {
    case 'object': {
      const record: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const name = String(key?.value);
        if (seen.has(name)) {
          const { line, column } = position(text, key!.offset);
          throw new InputError([{ file: source, line, column, field: name.toLowerCase(), message: 'is given twice; keep one' }]);
        }
        seen.add(name);
        Object.defineProperty(record, name, { value: value ? toValue(value, text, source) : undefined, enumerable: true, writable: true });
      }
      return record;
    }
    case 'array':
      return (node.children ?? []).map((child) => toValue(child, text, source));
    case 'number':
      return text.slice(node.offset, node.offset + node.length);
    default:
      return node.value as unknown;
  }
}

/** Counts brackets outside strings, so that nesting never reaches a recursive parser. */
function refuseDeepNesting(text: string, source: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '[' || char === '{') {
      if (++depth > MAX_JSON_DEPTH) {
        throw new UsageError(`${source}: ${lineColumn(text, i)}: nested more than ${MAX_JSON_DEPTH} levels deep; business data is flat`);
      }
    } else if (char === ']' || char === '}') {
      depth--;
    }
  }
}

export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: [...before.at(-1)!].length + 1 };
}

function lineColumn(text: string, offset: number): string {
  const { line, column } = position(text, offset);
  return `line ${line}, column ${column}`;
}
