import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { placardIn as placard, tempDir } from '../cli/run-placard.js';
import { readPdf } from '../helpers/pdf-reader.js';

/** What each good row of the city workbook must print, field by field (see test/fixtures/city-workbooks/make-source.mjs). */
const EXPECTED = [
  {
    row: 5,
    name: "Hodan's Halal Market",
    lines: [
      '2200 Riverside Ave #4 · Minneapolis 55454',
      '(612) 555-0101',
      'Please ask for Hodan Ali.',
      'Non-public areas: Back room, Office',
    ],
    languages: ['en', 'so'],
  },
  {
    row: 6,
    name: 'Lake Street Tortillería',
    lines: ['1500 E Lake St · Minneapolis 55407', '(612) 555-0102', 'Please ask for Ana Ruiz.', 'Non-public areas: Kitchen, Storage room'],
    languages: ['en', 'so'],
  },
  {
    row: 7,
    name: 'Pho Hoa',
    lines: ['2 Main St · Jersey City 07302', '(201) 555-0103', 'Please ask for Minh Tran.', 'Non-public areas: Kitchen'],
    languages: ['en', 'so'],
  },
  { row: 8, name: 'Golden Dragon', lines: ['88 Elm St · Boston 02111', '(617) 555-0104', 'Wei Chen'], languages: ['zh-Hant'] },
  {
    row: 9,
    name: 'Tehran Grill',
    lines: ['9 Oak Ave · Minneapolis 55405', '(612) 555-0105', 'Please ask for Reza Karimi.', 'Non-public areas: Kitchen'],
    languages: ['fa', 'en'],
  },
  {
    row: 10,
    name: 'Manila Bakery',
    lines: ['5 Pine St · Saint Paul 55101', '555-0106', 'Please ask for Maria Santos.', 'Non-public areas: Back office'],
    languages: ['tl', 'en'],
  },
];

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe.each(['city-libreoffice.xlsx', 'city-gnumeric.xlsx'])('the city workbook as %s saves it', (name) => {
  it('makes a right notice for every good row, one clear line for the bad row, and counts blank and total rows as skipped', async () => {
    const dir = tempDir();
    const data = resolve('test/fixtures/city-workbooks', name);
    const run = await placard(['batch', 'private-areas', '--data', data, '--out-dir', 'out', '--jobs', '1', '--quiet'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('the column names are in row 4');
    expect(run.stderr).toMatch(/made 6, failed 1, skipped 3/);
    const errors = parse(readFileSync(join(dir, 'out', 'errors.csv'), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(errors.map((line) => [line.row, line.field])).toEqual([['11', 'languages']]);
    expect(run.stderr).toMatch(/row 11: field "languages".*"Chinese" is written in two scripts; say which: "zh-Hans"/);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as {
      entries: { row: number; file: string; languages: string[] }[];
    };
    expect(manifest.entries.map((entry) => [entry.row, entry.languages])).toEqual(EXPECTED.map((row) => [row.row, row.languages]));
    for (const expected of EXPECTED) {
      const entry = manifest.entries.find((candidate) => candidate.row === expected.row)!;
      const text = squeeze((await readPdf(new Uint8Array(readFileSync(join(dir, 'out', entry.file))))).text);
      for (const line of [expected.name, ...expected.lines]) expect(text, `row ${expected.row}`).toContain(line);
      const footer = /private-areas · \d{4}-\d\d-\d\d · (.*?) · placard/.exec(text)?.[1] ?? '';
      // The version line marks a draft translation with an asterisk (es*).
      expect(footer.replace(/\*/g, '').split(' · '), `row ${expected.row}`).toEqual(expected.languages);
    }
  }, 240_000);
});

describe('a workbook whose headers cannot give the name', () => {
  it('stops before rendering anything (exit 2), naming the headers it saw, and --map lets it run', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'shops.csv'), 'Shop Title,City\nDeli,Austin\n');
    const run = await placard(['batch', 'private-areas', '--data', 'shops.csv', '--out-dir', 'out', '--quiet'], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('no column gives the required field "name"; the columns are "shop title", "city"');
    expect(existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')).filter((file) => file.endsWith('.pdf')) : []).toEqual([]);
    const mapped = await placard(
      ['batch', 'private-areas', '--data', 'shops.csv', '--out-dir', 'out', '--map', 'name=Shop Title', '--quiet'],
      {
        cwd: dir,
      },
    );
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((file) => file.endsWith('.pdf'))).toHaveLength(1);
  }, 120_000);
});
