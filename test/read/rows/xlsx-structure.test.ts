import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { cellStyle, numberText } from '../../../src/read/rows/xlsx/cell-text.js';
import { readAll, rejected, tempDir, write } from './rows-helpers.js';
import { sheetXml, workbookEntries, zip } from './zip-writer.js';

const dir = tempDir('xlsx-structure');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const inline = (ref: string, text: string) => `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${text}</x:t></x:is></x:c>`;

describe('XLSX as a city saves it', () => {
  it('finds the header under a merged title, fills merged cells down, shows phone and ZIP formats, skips blank and total rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Businesses');
    sheet.addRow(['City of Riverside: businesses with non-public areas, 2026']);
    sheet.mergeCells('A1:E1');
    sheet.addRow([]);
    sheet.addRow(['Business Name', 'Contact Name', 'ZIP', 'Phone Number', 'Language(s)']);
    sheet.addRow(['Alpha Deli', 'Ana', 7102, 6125550101, 'English, Spanish']);
    sheet.addRow(['Beta Cafe', 'Bo', 55407, 6125550102, null]);
    sheet.addRow(['Gamma Market', 'Cy', 55408, 5550103, null]);
    sheet.mergeCells('E4:E6');
    sheet.getColumn(3).numFmt = '00000';
    sheet.getColumn(4).numFmt = '[<=9999999]###-####;(###) ###-####';
    sheet.addRow([' ', null, null, null, null]);
    sheet.addRow(['Total: 3 businesses']);
    const file = path.join(dir, 'city.xlsx');
    await workbook.xlsx.writeFile(file);
    const { source, events } = await readAll(file);
    expect(source.headerRow).toBe(3);
    expect(source.columns).toEqual(['business name', 'contact name', 'zip', 'phone number', 'language(s)']);
    expect(source.warnings[0]!.message).toContain('the column names are in row 3');
    expect(events).toEqual([
      {
        row: 4,
        record: {
          'business name': 'Alpha Deli',
          'contact name': 'Ana',
          zip: '07102',
          'phone number': '(612) 555-0101',
          'language(s)': 'English, Spanish',
        },
      },
      {
        row: 5,
        record: {
          'business name': 'Beta Cafe',
          'contact name': 'Bo',
          zip: '55407',
          'phone number': '(612) 555-0102',
          'language(s)': 'English, Spanish',
        },
      },
      {
        row: 6,
        record: {
          'business name': 'Gamma Market',
          'contact name': 'Cy',
          zip: '55408',
          'phone number': '555-0103',
          'language(s)': 'English, Spanish',
        },
      },
      { row: 7, skipped: 'only spaces' },
      { row: 8, skipped: 'a total line' },
    ]);
  });

  it('takes the header row it is told with --header-row', async () => {
    const file = write(
      dir,
      'told.xlsx',
      zip(
        workbookEntries(
          sheetXml([
            `<x:row r="1">${inline('A1', 'name')}</x:row>`,
            `<x:row r="2">${inline('A2', 'id')}${inline('B2', 'city')}</x:row>`,
            `<x:row r="3">${inline('A3', 'b1')}${inline('B3', 'Austin')}</x:row>`,
          ]),
        ),
      ),
    );
    const { source, events } = await readAll(file, { headerRow: 2 });
    expect(source.columns).toEqual(['id', 'city']);
    expect(events).toEqual([{ row: 3, record: { id: 'b1', city: 'Austin' } }]);
    expect((await rejected(UsageError, () => readAll(file, { headerRow: 9 }))).message).toContain('the file ends before row 9');
  });
});

describe('number formats shown as the sheet shows them', () => {
  it.each([
    ['(###) ###-####', '6125550101', '(612) 555-0101'],
    ['\\(###\\)\\ ###\\-####', '6125550101', '(612) 555-0101'],
    ['"("###") "###"-"####', '6125550101', '(612) 555-0101'],
    ['[<=9999999]###-####;(###) ###-####', '5550101', '555-0101'],
    ['00000', '501', '00501'],
    ['00000-0000', '554071234', '55407-1234'],
    ['000-000-0000', '6125550101', '612-555-0101'],
    ['#,##0', '1234', '1234'],
  ])('%s shows %s as %s', (code, raw, shown) => {
    expect(numberText(raw, cellStyle(164, code), false)).toEqual({ text: shown });
  });
});

describe('hostile XLSX (issue 15)', () => {
  it('refuses a <row r> that is 0, negative, not a number, a fraction, too large or going backwards (item 19)', async () => {
    for (const r of ['0', '-3', 'NaN', '1.5', '1e20', '2000000']) {
      const file = write(
        dir,
        `r-${r}.xlsx`,
        zip(workbookEntries(sheetXml([`<x:row r="1">${inline('A1', 'name')}</x:row>`, `<x:row r="${r}">${inline('A2', 'Deli')}</x:row>`]))),
      );
      expect((await rejected(UsageError, () => readAll(file))).message, r).toContain(`numbers a row "${r}" after row 1`);
    }
  });

  it('caps a cell of a hundred thousand <t> runs while reading, as a problem of that cell (item 10)', async () => {
    const runs = '<x:r><x:t>ab</x:t></x:r>'.repeat(100_000);
    const file = write(
      dir,
      'runs.xlsx',
      zip(
        workbookEntries(
          sheetXml([
            `<x:row r="1">${inline('A1', 'name')}</x:row>`,
            `<x:row r="2"><x:c r="A2" t="inlineStr"><x:is>${runs}</x:is></x:c></x:row>`,
            `<x:row r="3">${inline('A3', 'Deli')}</x:row>`,
          ]),
        ),
      ),
    );
    const { events } = await readAll(file);
    expect(events[0]).toMatchObject({ row: 2, problems: [{ field: 'name', message: expect.stringContaining('is longer than 4 KB') }] });
    expect(events[1]).toEqual({ row: 3, record: { name: 'Deli' } });
  });

  it('refuses a workbook with two parts of one name (item 25)', async () => {
    const entries = workbookEntries(sheetXml([`<x:row r="1">${inline('A1', 'name')}</x:row>`]));
    const file = write(dir, 'twice.xlsx', zip([...entries, { name: 'xl/worksheets/sheet1.xml', data: sheetXml([]) }]));
    expect((await rejected(UsageError, () => readAll(file))).message).toContain('holds two parts named xl/worksheets/sheet1.xml');
  });

  it('refuses .ods, .xls and .numbers with how to save as .xlsx', async () => {
    for (const name of ['city.ods', 'city.xls', 'city.numbers']) {
      const message = (await rejected(UsageError, () => readAll(write(dir, name, 'x')))).message;
      expect(message, name).toMatch(/which placard does not read; .*(xlsx|Excel)/);
    }
  });
});
