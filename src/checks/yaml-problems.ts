import { existsSync } from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { readTextFile } from '../read/text-file.js';
import { MAX_TEMPLATE_BYTES } from '../contract/input-limits.js';

/**
 * A YAML file of a template (template.yaml, theme.yaml) checked against its
 * schema, every problem with the line and column of the value at fault (or
 * of the nearest key above it when the value is missing).
 */
export function yamlProblems<T>(
  file: string,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  optional = false,
): { value?: T; problems: Problem[] } {
  if (!existsSync(file)) {
    return optional ? { problems: [] } : { problems: [{ file, line: 1, column: 1, message: 'is missing: a template folder needs one' }] };
  }
  let text: string;
  try {
    text = readTextFile(file, MAX_TEMPLATE_BYTES, 'template file');
  } catch (error) {
    return { problems: [{ file, line: 1, column: 1, message: (error as Error).message }] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const at = counter.linePos(error.pos[0]);
        return { file, line: at.line, column: at.col, message: `is not valid YAML: ${error.message.split('\n')[0]}` };
      }),
    };
  }
  const parsed = schema.safeParse(doc.toJS({ maxAliasCount: 50 }) ?? (optional ? {} : undefined));
  if (parsed.success) return { value: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      let offset = 0;
      for (let depth = path.length; depth >= 0; depth--) {
        const node = doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) {
          offset = node.range[0];
          break;
        }
      }
      const at = counter.linePos(offset);
      const where = path.length > 0 ? `${path.join('.')}: ` : '';
      return { file, line: at.line, column: at.col, message: `${where}${issue.message}` };
    }),
  };
}
