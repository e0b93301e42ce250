/**
 * A fast reading of the plainest YAML mappings, for meta.yaml: every start
 * reads one per locale (28 of them), and the YAML parser, cold, spends about
 * 40 ms of CPU on them (measured 2026-12-02) where this takes well under one.
 *
 * It accepts only lines it is sure YAML reads the same way: `key: value`,
 * `key: []`, `key:` followed by `- item` lines (all at one indentation),
 * blank lines and whole-line comments. A value is a one-line plain scalar
 * that starts with a letter and holds none of YAML's special characters, or
 * a one-line quoted string without escapes. Anything else, including a
 * key given twice, gives undefined: the caller reads the file with the YAML
 * parser, which gives the same value or names the line of the problem.
 */

type Plain = string | readonly string[];

const KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$/;
const ITEM = /^( *)- (.*)$/;
const COMMENT_OR_BLANK = /^ *(?:#.*)?$/;
/** A plain scalar: starts with a letter; no character YAML gives a meaning (`#`, `:`, brackets, quotes, `\`…). */
const PLAIN = /^\p{L}[^#:[\]{}"'\\`|>&*!%@\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u;
const DOUBLE_QUOTED = /^"([^"\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*)"$/u;
const SINGLE_QUOTED = /^'([^'\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*)'$/u;
/** Plain words YAML's core schema reads as null or a boolean rather than a string. */
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

function scalar(text: string): string | undefined {
  const quoted = DOUBLE_QUOTED.exec(text) ?? SINGLE_QUOTED.exec(text);
  if (quoted) return quoted[1];
  if (text !== text.trim() || !PLAIN.test(text) || NOT_A_STRING.test(text)) return undefined;
  return text;
}

/** The mapping of strings and lists of strings the text holds, when it is that plain; else undefined. */
export function plainYamlMapping(text: string): Record<string, Plain> | undefined {
  if (/[\t\r]/.test(text)) return undefined;
  const out: Record<string, Plain> = {};
  let list: { key: string; items: string[]; indent?: number } | undefined;
  const closeList = (): boolean => {
    if (list && list.items.length === 0) return false;
    if (list) out[list.key] = list.items;
    list = undefined;
    return true;
  };
  for (const line of text.split('\n')) {
    if (COMMENT_OR_BLANK.test(line)) continue;
    const item = ITEM.exec(line);
    if (item) {
      const value = scalar(item[2]!);
      const indent = item[1]!.length;
      if (!list || value === undefined || (list.indent !== undefined && list.indent !== indent)) return undefined;
      list.indent = indent;
      list.items.push(value);
      continue;
    }
    const pair = KEY.exec(line);
    if (!pair || !closeList()) return undefined;
    const [, key, raw] = pair as unknown as [string, string, string | undefined];
    if (key === '__proto__' || Object.hasOwn(out, key)) return undefined;
    if (raw === undefined) {
      list = { key, items: [] };
    } else if (raw === '[]') {
      out[key] = [];
    } else {
      const value = scalar(raw);
      if (value === undefined) return undefined;
      out[key] = value;
    }
  }
  return closeList() ? out : undefined;
}
