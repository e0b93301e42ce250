import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll, tempDir, write } from './rows-helpers.js';

/** The shared sample rows, read by csv-parse's whole-file API: the expected records, empty cells left out. */
const text = fs.readFileSync(new URL('../../fixtures/businesses.csv', import.meta.url), 'utf8');
const table = parse(text, { columns: true }) as Record<string, string>[];
const header = Object.keys(table[0]!);
const expected = table.map((row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== '')));

const dir = tempDir('formats');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  write(dir, 'businesses.csv', text);
  write(
    dir,
    'businesses.tsv',
    [header, ...table.map((row) => header.map((key) => row[key]))].map((cells) => cells.join('\t')).join('\n') + '\n',
  );
  write(dir, 'businesses.json', JSON.stringify(table, null, 2));
  write(dir, 'businesses.ndjson', table.map((row) => JSON.stringify(row)).join('\n') + '\n');
  write(dir, 'businesses.yaml', YAML.stringify(table, { schema: 'failsafe' }));
  await writeWorkbook(path.join(dir, 'businesses.xlsx'));
});

/** The same rows as a spreadsheet user types them: postal codes as numbers, 07102 shown through the "00000" ZIP format. */
async function writeWorkbook(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Businesses');
  sheet.addRow(header.map((key) => (key === 'name' ? ' Name ' : key.toUpperCase())));
  for (const row of table) {
    const added = sheet.addRow(header.map((key) => (row[key] === '' ? null : key === 'postal_code' ? Number(row[key]) : row[key])));
    const zip = added.getCell(header.indexOf('postal_code') + 1);
    if (row['postal_code']!.startsWith('0')) zip.numFmt = '00000';
  }
  await book.xlsx.writeFile(file);
}

describe('every format reads the sample businesses to the same records', () => {
  for (const [name, firstRow] of [
    ['businesses.csv', 2],
    ['businesses.tsv', 2],
    ['businesses.xlsx', 2],
    ['businesses.json', 1],
    ['businesses.ndjson', 1],
    ['businesses.yaml', 1],
  ] as const) {
    it(name, async () => {
      const { source, events } = await readAll(path.join(dir, name));
      expect(source.columns).toEqual(header);
      expect(source.warnings).toEqual([]);
      expect(events).toEqual(expected.map((record, index) => ({ row: index + firstRow, record })));
    });
  }

  it('numbers b007 (no name) as row 8 of the CSV, as a spreadsheet shows it', async () => {
    const { events } = await readAll(path.join(dir, 'businesses.csv'));
    expect(events.find((event) => 'record' in event && event.record['id'] === 'b007')?.row).toBe(8);
  });

  it('keeps the zero of postal code 07102 in every format', async () => {
    for (const name of ['csv', 'tsv', 'xlsx', 'json', 'ndjson', 'yaml']) {
      const { events } = await readAll(path.join(dir, `businesses.${name}`));
      expect(events.map((event) => 'record' in event && event.record['postal_code'])).toContain('07102');
    }
  });
});
