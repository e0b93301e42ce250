import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { renderNotice } from '../../src/session/render-notice.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { hasTool, pdftotext } from '../helpers/system-tools.js';
import { thrown } from '../helpers/thrown.js';

/** The sample businesses in test/fixtures/businesses.csv: awkward names, scripts and bad rows. */
const rows = parse(readFileSync(new URL('../fixtures/businesses.csv', import.meta.url)), { columns: true }) as Record<string, string>[];
const BAD = new Map([
  ['b007', 'name'],
  ['b010', 'languages'],
  ['b012', 'rights_url'],
]);

/** A row as --set flags: every non-empty cell. */
const sets = (row: Record<string, string>) =>
  Object.entries(row)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${value}`);

/** Poppler reads a line that mixes Arabic and Latin in visual order when the page is mostly left-to-right. */
const mixedDirection = (name: string) => /\p{Script=Arabic}/u.test(name) && /\p{Script=Latin}/u.test(name);

describe.each(rows.filter((row) => !BAD.has(row.id!)))('fixture business $id', (row) => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = (await renderNotice({ template: 'private-areas', sets: sets(row) })).pdf;
  });

  it(`renders "${row.name}" in ${row.languages}; pdf.js reads the name and contact back exactly`, async () => {
    const facts = await readPdf(pdf, { fonts: true });
    expect(facts.fonts.every((font) => font.embedded)).toBe(true);
    expect(facts.text).toContain(row.name);
    expect(facts.text).toContain(row.contact_name);
  });

  it.skipIf(!hasTool('pdftotext'))('poppler reads the name back exactly (a mixed Arabic-Latin name word by word)', () => {
    const text = pdftotext(pdf).replace(/[\u202a-\u202e]/g, '');
    if (mixedDirection(row.name!)) {
      // Known limit: on a mostly left-to-right page poppler orders such a line visually.
      for (const word of row.name!.split(' ')) expect(text).toContain(word);
    } else {
      expect(text).toContain(row.name);
    }
  });
});

describe.each([...BAD])('fixture business %s', (id, field) => {
  it(`is refused with a problem naming the field ${field}`, async () => {
    const row = rows.find((candidate) => candidate.id === id)!;
    const error = await renderNotice({ template: 'private-areas', sets: sets(row) }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    const problem = thrown(InputError, () => {
      throw error;
    }).problems.find((found) => found.field === field);
    expect(problem).toBeDefined();
  });
});
