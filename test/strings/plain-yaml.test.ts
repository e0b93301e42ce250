import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { plainYamlMapping } from '../../src/strings/plain-yaml.js';
import { parseStringsJson } from '../../src/strings/locale-file.js';

const locales = 'locales';
const metas = readdirSync(locales, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => readFileSync(join(locales, entry.name, 'meta.yaml'), 'utf8'));

describe('plainYamlMapping (the fast reading of meta.yaml)', () => {
  it('reads every shipped meta.yaml, exactly as the YAML parser does', () => {
    for (const text of metas) expect(plainYamlMapping(text)).toStrictEqual(YAML.parse(text));
  });

  it('reads what it accepts as YAML does', () => {
    const texts = [
      'k: a  b',
      'k:\n- a\n- b\nz: c',
      'k:\n  # a comment\n  - a\n  - b\n',
      'k: Chinese (Simplified)',
      'k: a, b',
      'k: "x y"',
      "k: ''",
      'k: []',
      'name: Kreyòl ayisyen\nfonts:\n  - Noto Sans',
    ];
    for (const text of texts) {
      expect(plainYamlMapping(text), text).toBeDefined();
      expect(plainYamlMapping(text), text).toStrictEqual(YAML.parse(text));
    }
  });

  it('leaves anything doubtful to the YAML parser', () => {
    const texts = [
      'k: a # comment',
      'k: true',
      'k: null',
      'k: 12',
      'k: 2026-12-02',
      'k:',
      'k: [a]',
      'k: {a: b}',
      'k: a\nk: b',
      'k:\n  - a\n    b',
      'k:\n  - a\n - b',
      'k: >-\n  folded',
      "k: O'Brien",
      'k: a\r\n',
      '__proto__: x',
      '---\nk: a',
      'k: a: b',
      'k:\tv',
    ];
    for (const text of texts) expect(plainYamlMapping(text), text).toBeUndefined();
  });
});

describe('parseStringsJson', () => {
  it('reads a namespace the same whichever parser reads it, and still names a key given twice', () => {
    expect(parseStringsJson('{"a": "x", "b": {"c": "y"}}', 'f.json')).toStrictEqual({ ok: true, value: { a: 'x', b: { c: 'y' } } });
    const twice = parseStringsJson('{\n"a": "x",\n"a": "y"\n}', 'f.json');
    expect(twice.ok).toBe(false);
    expect(!twice.ok && twice.problems[0]).toMatchObject({ field: 'a', line: 3, message: 'is given twice; keep one' });
    const nested = parseStringsJson('{"b": {"c": "y", "c": "z"}}', 'f.json');
    expect(!nested.ok && nested.problems[0]).toMatchObject({ field: 'b.c', message: 'is given twice; keep one' });
    const escaped = parseStringsJson('{"a\\":": "x", "q": "\\"a\\": b"}', 'f.json');
    expect(escaped).toStrictEqual({ ok: true, value: { 'a":': 'x', q: '"a": b' } });
  });
});
