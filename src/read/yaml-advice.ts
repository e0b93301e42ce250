import { isMap, isScalar, type Document, type LineCounter, type YAMLError } from 'yaml';

/**
 * Plain advice for a hand-edited business.yaml: what a shop owner should
 * change on which line, instead of the parser's words ("Nested mappings are
 * not allowed in compact mappings").
 */
export function yamlAdvice(error: YAMLError, text: string): string {
  const line = error.linePos?.[0]?.line ?? 1;
  const source = text.split(/\r?\n/)[line - 1] ?? '';
  const pair = /^(\s*)([^:#]+?):\s+(.*)$/.exec(source);
  const quoted = pair ? `${pair[2]}: ${JSON.stringify(pair[3]!.trim())}` : undefined;
  const at = `line ${line}, column ${error.linePos?.[0]?.col ?? 1}`;
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `${at}: the value holds ": ", which YAML reads as the start of another field; put the value in quotes${quoted ? `: ${quoted}` : ''}`;
    case 'MISSING_CHAR':
      return `${at}: a quote that opens a value is never closed; end the value with the same quote, or write it without quotes`;
    case 'BAD_SCALAR_START':
      return `${at}: a value cannot start with ${source.trim().match(/:\s*(\S)/)?.[1] ?? 'that character'} unless it is in quotes; put the value in quotes${quoted ? `: ${quoted}` : ''}`;
    case 'TAB_AS_INDENT':
      return `${at}: the line starts with a tab; start each line "field: value" at the left edge, with no tab before it`;
    case 'DUPLICATE_KEY':
      return `${at}: this field is given twice; keep one of the two lines`;
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
      return (
        `${at}: YAML could not read this line; write each field on its own line as "field: value", starting at the left edge, ` +
        `and put a value that holds ":", "#", "[" or "{" in quotes${quoted ? ` (${quoted})` : ''}`
      );
    default:
      return `${at}: not valid YAML (${error.message.split('\n')[0]}); if a value holds ":" or "#", put it in quotes`;
  }
}

/**
 * Values a "#" cut short: `street: 2200 Riverside Ave #4` reads as
 * "2200 Riverside Ave" with the comment "4". A comment that starts right
 * after its "#" (no space) on a value's line is most likely part of the
 * value, so each one is a warning naming the line and the fix.
 */
export function swallowedByComments(doc: Document.Parsed, lines: LineCounter): string[] {
  const warnings: string[] = [];
  if (!isMap(doc.contents)) return warnings;
  for (const pair of doc.contents.items) {
    const value = pair.value;
    if (!isScalar(pair.key) || !isScalar(value) || value.type !== 'PLAIN' || !value.comment) continue;
    if (/^\s/.test(value.comment)) continue;
    const line = lines.linePos(value.range?.[0] ?? 0).line;
    const key = String(pair.key.value);
    const read = value.value === null ? '' : String(value.value);
    const meant = `${read}${read ? ' ' : ''}#${value.comment}`;
    warnings.push(
      `line ${line}: "${key}" reads as "${read}": YAML takes "#${value.comment}" as a comment. ` +
        `If it is part of the value, put the value in quotes: ${key}: ${JSON.stringify(meant)}`,
    );
  }
  return warnings;
}
