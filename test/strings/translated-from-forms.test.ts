import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_LOCALE_FILE_BYTES } from '../../src/contract/input-limits.js';
import { readTranslatedFrom, recordOf, writeTranslatedFrom } from '../../src/strings/translated-from.js';

const folder = () => mkdtempSync(join(tmpdir(), 'placard-translated-from-'));

describe('translated-from.yaml in the form placard writes, and as a person may edit it', () => {
  it('writes one JSON record per line that YAML reads the same way, and reads it back', async () => {
    const dir = folder();
    const records = {
      'common:not_advice': recordOf('This is general information, not legal advice.'),
      'home:warrant': recordOf('Line one: "quoted" \\ back\u2028slash # not a comment', '2026-12-02T00:00:00.000Z'),
    };
    const file = await writeTranslatedFrom(dir, records);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').filter((line) => line.startsWith('"'))).toHaveLength(2);
    expect(YAML.parse(text)).toEqual(records);
    expect(readTranslatedFrom(dir)).toEqual({ ok: true, value: records });
  });

  it('reads a hand-edited block-style file, and names the line of a key written twice', () => {
    const dir = folder();
    const english = 'Private home';
    writeFileSync(join(dir, 'translated-from.yaml'), `home:title:\n  sha256: ${recordOf(english).sha256}\n  english: ${english}\n`);
    expect(readTranslatedFrom(dir)).toEqual({ ok: true, value: { 'home:title': recordOf(english) } });
    const line = `"home:title": ${JSON.stringify(recordOf(english))}`;
    writeFileSync(join(dir, 'translated-from.yaml'), `{\n${line},\n${line}\n}\n`);
    const twice = readTranslatedFrom(dir);
    expect(twice.ok).toBe(false);
    expect(JSON.stringify(twice)).toMatch(/unique|twice|duplicate/i);
  });

  it('refuses a file over the locale file limit, naming it, before reading it as JSON or YAML', () => {
    const dir = folder();
    const line = `"home:title": ${JSON.stringify(recordOf('Private home'))}`;
    writeFileSync(join(dir, 'translated-from.yaml'), `{\n${line}${' '.repeat(MAX_LOCALE_FILE_BYTES)}\n}\n`);
    const read = readTranslatedFrom(dir);
    expect(read.ok).toBe(false);
    expect(JSON.stringify(read)).toContain('translated-from.yaml');
  });
});
