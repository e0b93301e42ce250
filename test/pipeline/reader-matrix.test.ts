/**
 * Every shipped language × five PDF readers: does the door notice's text come back exact?
 *
 * reader-matrix.json records the pairs that are exact today. A pair recorded as exact must
 * stay exact (CI fails otherwise); a pair that becomes exact is reported so the file can be
 * brought up to date with `UPDATE_READER_MATRIX=1 npx vitest run test/pipeline/reader-matrix.test.ts`.
 * The README's table of readers is this file, read by a person.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderNotice } from '../../src/session/render-notice.js';
import { locales } from '../../src/strings/locale-catalog.js';
import { comparable, textReaders, type ReaderName } from '../helpers/text-readers.js';

const MATRIX_FILE = new URL('./reader-matrix.json', import.meta.url);
const UPDATE = process.env.UPDATE_READER_MATRIX === '1';
const recorded = JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as Record<string, Partial<Record<ReaderName, boolean>>>;
const names = JSON.parse(readFileSync(new URL('../fixtures/script-names.json', import.meta.url), 'utf8')) as Record<string, string>;

/** The notice's fixed lines that hold no business data. */
const KEYS = ['title', 'subtitle', 'warrant', 'non_public'];

const measured: Record<string, Partial<Record<ReaderName, boolean>>> = {};

afterAll(() => {
  if (UPDATE) writeFileSync(MATRIX_FILE, `${JSON.stringify(measured, null, 2)}\n`);
});

describe.each([...locales().keys()].sort())('the door notice in %s', (code) => {
  const strings = locales().get(code)!.namespaces['private-areas'] as Record<string, string>;
  const expected = [...KEYS.flatMap((key) => (strings[key] === undefined ? [] : [strings[key]])), names[code] ?? 'Maple Street Bakery'];
  let pdf: Uint8Array;

  beforeAll(async () => {
    pdf = (await renderNotice({ template: 'private-areas', languages: [code], sets: [`name=${names[code] ?? 'Maple Street Bakery'}`] }))
      .pdf;
  });

  for (const reader of textReaders) {
    it.skipIf(reader.missing !== undefined)(`reads back exactly through ${reader.name}`, async () => {
      const text = comparable(await reader.read(pdf));
      const missed = expected.filter((line) => !text.includes(comparable(line)));
      const exact = missed.length === 0;
      (measured[code] ??= {})[reader.name] = exact;
      if (UPDATE) return;
      if (recorded[code]?.[reader.name] === true) expect(missed, `${reader.name} no longer reads ${code} exactly`).toEqual([]);
      else if (exact) console.warn(`${code} now reads back exactly through ${reader.name}: update reader-matrix.json`);
    });
  }
});
