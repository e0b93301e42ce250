import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { openRows } from '../../../src/read/rows/read-rows.js';
import { readAll, rejected, tempDir, write } from './rows-helpers.js';
import { sheetXml, workbookEntries, zip } from './zip-writer.js';

const dir = tempDir('xlsx');
const book = path.join(dir, 'city.xlsx');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A city's workbook as staff type it: a cover sheet first, numbers typed as numbers, a formula, a date, an error. */
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Cover').addRow(['Businesses are on the next sheet']);
  const sheet = workbook.addWorksheet('Businesses 2026');
  sheet.addRow([]);
  sheet.addRow(['Name', 'Postal_Code', 'Phone', 'Inspected', 'Opened', 'Open', 'Private_Areas.ES', null, 'Ward']);
  sheet.addRow([
    'Lake Street Tortillería',
    55407,
    6125550101,
    new Date(Date.UTC(2026, 10, 26)),
    new Date(Date.UTC(2026, 10, 26, 9, 30)),
    true,
    'Cocina;Oficina',
    null,
    3,
  ]);
  sheet.addRow([]);
  sheet.addRow([
    'Joe’s',
    7102,
    { formula: '6125550000+105', result: 6125550105 },
    null,
    null,
    false,
    { richText: [{ text: 'Co' }, { text: 'cina', font: { bold: true } }] },
    'note',
  ]);
  sheet.getCell('B5').numFmt = '00000';
  sheet.addRow([
    'Too long',
    Number('12345678901234567890'),
    { formula: 'NA()', result: { error: '#N/A' } },
    null,
    null,
    null,
    null,
    null,
    0.1 + 0.2,
  ]);
  await workbook.xlsx.writeFile(book);
});

describe('XLSX rows', () => {
  it('reads the chosen sheet with the row numbers it shows, cells as displayed', async () => {
    const { source, events } = await readAll(book, { sheet: 'businesses 2026' });
    expect(source.columns).toEqual(['name', 'postal_code', 'phone', 'inspected', 'opened', 'open', 'private_areas.es', 'ward']);
    expect(events[0]).toEqual({
      row: 3,
      record: {
        name: 'Lake Street Tortillería',
        postal_code: '55407',
        phone: '6125550101',
        inspected: '2026-11-26',
        opened: '2026-11-26T09:30:00',
        open: 'TRUE',
        'private_areas.es': 'Cocina;Oficina',
        ward: '3',
      },
    });
    expect(events[1]).toEqual({
      row: 5,
      record: { name: 'Joe’s', postal_code: '07102', phone: '6125550105', open: 'FALSE', 'private_areas.es': 'Cocina' },
    });
    expect(source.warnings).toEqual([
      { file: book, row: 5, message: 'column H has no header, so its values are ignored; give it a field name in row 2' },
    ]);
  });

  it('reports a number Excel cannot hold exactly and an error cell instead of changing them', async () => {
    const { events } = await readAll(book, { sheet: 'Businesses 2026' });
    expect(events[2]).toMatchObject({
      row: 6,
      problems: [
        { field: 'postal_code', message: expect.stringContaining('more than 15 digits') },
        { field: 'phone', message: expect.stringContaining('shows the error #N/A') },
      ],
    });
  });

  it('reads the first sheet by default and lists the sheets for an unknown name', async () => {
    const { source } = await readAll(book);
    expect(source.columns).toEqual(['businesses are on the next sheet']);
    const error = await rejected(UsageError, () => openRows(book, { sheet: 'Sheet1' }));
    expect(error.message).toContain('has no sheet "Sheet1"; its sheets are "Cover", "Businesses 2026"');
  });

  it('reads inline strings, escaped characters and prefixed tags of hand-made files', async () => {
    const rows = [
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row>',
      '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Two_x000D_\nlines &amp; &lt;b&gt;</x:t></x:is></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c></x:row>',
      '<x:row r="3"><x:c r="A3" t="str"><x:v>A</x:v></x:c><x:c r="B3" t="s"><x:v>9</x:v></x:c></x:row>',
      '<x:row r="4"><x:c r="A4"><x:f>1+1</x:f></x:c></x:row>',
    ];
    const strings = '<sst><si><t>City</t></si><si><r><t>Min</t></r><r><t>neapolis</t></r><rPh><t>ミネ</t></rPh></si></sst>';
    const file = write(dir, 'hand.xlsx', zip(workbookEntries(sheetXml(rows), strings)));
    const { events } = await readAll(file);
    expect(events[0]).toEqual({ row: 2, record: { name: 'Two\r\nlines & <b>', city: 'Minneapolis' } });
    expect(events[1]).toMatchObject({ row: 3, problems: [{ field: 'city', message: expect.stringContaining('shared string 9') }] });
    expect(events[2]).toMatchObject({
      row: 4,
      problems: [{ field: 'name', message: expect.stringContaining('formula with no saved result') }],
    });
  });

  it('ignores cells past column 200 with one warning, never holding them', async () => {
    const cells = Array.from({ length: 300 }, (_, i) => `<x:c t="inlineStr"><x:is><x:t>v${i}</x:t></x:is></x:c>`).join('');
    const file = write(
      dir,
      'wide.xlsx',
      zip(
        workbookEntries(
          sheetXml(['<x:row r="1"><x:c t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c></x:row>', `<x:row>${cells}</x:row>`]),
        ),
      ),
    );
    const { events, source } = await readAll(file);
    expect(events).toEqual([{ row: 2, record: { name: 'v0' } }]);
    expect(source.warnings.map((warning) => warning.message)).toEqual([
      'columns B, C, D, E, F and 294 more have no header, so their values are ignored; give each a field name in row 1',
    ]);
  });
});

describe('XLSX files that are not usable', () => {
  it('stops a part that claims to unpack past the cap before inflating it', async () => {
    const bomb = zip(workbookEntries(sheetXml([]), Buffer.alloc(65 * 1024 * 1024, 0x20)));
    const error = await rejected(UsageError, () => openRows(write(dir, 'bomb.xlsx', bomb)));
    expect(error.message).toContain('the part xl/sharedStrings.xml unpacks to more than 64 MB');
  });

  it('stops a part that inflates past the size its headers claim', async () => {
    const liar = zip(workbookEntries(sheetXml([]), `<sst>${'<si><t>x</t></si>'.repeat(10_000)}</sst>`, 100));
    const error = await rejected(UsageError, () => openRows(write(dir, 'liar.xlsx', liar)));
    expect(error.message).toContain('is not a readable XLSX workbook');
  });

  it('stops one giant value in a sheet', async () => {
    const rows = [
      '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c></x:row>',
      `<x:row r="2"><x:c t="inlineStr"><x:is><x:t>${'x'.repeat(2_000_000)}</x:t></x:is></x:c></x:row>`,
    ];
    const error = await rejected(UsageError, () => readAll(write(dir, 'giant.xlsx', zip(workbookEntries(sheetXml(rows))))));
    expect(error.message).toContain('holds a value longer than 1 MB');
  });

  it('refuses a file that is not a workbook, /dev/zero, a folder and a missing file', async () => {
    expect((await rejected(UsageError, () => openRows(write(dir, 'renamed.xlsx', 'id,name\n')))).message).toContain(
      'is not a readable XLSX workbook',
    );
    expect((await rejected(UsageError, () => openRows('/dev/zero', { format: 'xlsx' }))).message).toContain('is a device, not a file');
    expect((await rejected(UsageError, () => openRows(dir, { format: 'xlsx' }))).message).toContain('it is a folder');
    expect((await rejected(UsageError, () => openRows(path.join(dir, 'nope.xlsx')))).message).toContain('no such file');
    const broken = zip(workbookEntries('<x:worksheet><x:sheetData><x:row>'));
    expect((await rejected(UsageError, () => openRows(write(dir, 'broken.xlsx', broken)))).message).toContain('is not well-formed XML');
  });
});

describe('XLSX sources', () => {
  it('close when read, again when asked, and refuse a second reading', async () => {
    const { source } = await readAll(book);
    source.close();
    expect(() => source.rows()).toThrow('already read');
    (await openRows(book)).close();
  });
});
