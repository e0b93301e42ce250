import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatErrorsCsv, rowErrors, safeCell, writeErrorsCsv, type RowError } from '../../src/batch/errors-csv.js';
import { writeSafely } from '../../src/write/safe-output.js';
import { tempDir } from './manifest-fixtures.js';

/** errors.csv read back as a spreadsheet would: rows of cells, header first. */
function cells(bytes: Uint8Array): string[][] {
  return parse(Buffer.from(bytes), { bom: true }) as string[][];
}

describe('errors.csv', () => {
  it('starts with a UTF-8 BOM and the header, one line per problem, sorted by row', () => {
    const errors: RowError[] = [
      { row: 9, name: '金龍餐館', field: 'languages', value: 'xx', reason: 'unknown language "xx"' },
      { row: 3, id: 'C-3', name: 'Ana', field: 'name', value: '', reason: 'is required' },
      { row: 9, name: '金龍餐館', field: 'email', value: 'a@', reason: 'not an email address' },
    ];
    const bytes = formatErrorsCsv(errors);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split('\r\n')[0]).toBe('row,id,name,field,value,reason');
    expect(cells(bytes)).toEqual([
      ['row', 'id', 'name', 'field', 'value', 'reason'],
      ['3', 'C-3', 'Ana', 'name', '', 'is required'],
      ['9', '', '金龍餐館', 'languages', 'xx', 'unknown language "xx"'],
      ['9', '', '金龍餐館', 'email', 'a@', 'not an email address'],
    ]);
  });

  it('is only the header when nothing failed', () => {
    expect(cells(formatErrorsCsv([]))).toEqual([['row', 'id', 'name', 'field', 'value', 'reason']]);
  });

  it('keeps commas, quotes and non-Latin text intact through a CSV reader', () => {
    const value = 'Tacos "El Güero", Inc.; مطعم';
    expect(cells(formatErrorsCsv([{ row: 2, name: value, reason: 'x' }]))[1]![2]).toBe(value);
  });

  it('makes one line per problem of a row, with its id and name', () => {
    const lines = rowErrors(4, { id: 17, name: 'Ana' }, [
      { field: 'email', value: 'x', message: 'not an email address' },
      { field: 'phone', message: 'too long' },
    ]);
    expect(lines).toEqual([
      { row: 4, id: '17', name: 'Ana', field: 'email', value: 'x', reason: 'not an email address' },
      { row: 4, id: '17', name: 'Ana', field: 'phone', reason: 'too long' },
    ]);
  });

  it('is written whole through the atomic writer', async () => {
    const dir = tempDir();
    const path = await writeErrorsCsv(dir, [{ row: 2, reason: 'name is required' }], writeSafely);
    expect(cells(readFileSync(path))[1]).toEqual(['2', '', '', '', '', 'name is required']);
    expect(path).toBe(join(dir, 'errors.csv'));
    expect(await writeErrorsCsv(dir, [], writeSafely, { k: 2, n: 8 })).toBe(join(dir, 'errors.shard-2-of-8.csv'));
  });
});

describe('safeCell', () => {
  it('stops a spreadsheet from running a value as a formula', () => {
    for (const formula of ['=HYPERLINK("http://evil","click")', '+1+1', '-2+3', '@SUM(A1)']) {
      expect(safeCell(formula).startsWith("'")).toBe(true);
    }
    expect(safeCell('=1+1')).toBe("'=1+1");
    expect(safeCell('Joe = Cafe')).toBe('Joe = Cafe');
    expect(cells(formatErrorsCsv([{ row: 2, name: '=cmd|"/c calc"!A1', reason: 'x' }]))[1]![2]).toBe('\'=cmd|"/c calc"!A1');
  });

  it('shows control and bidi characters as <U+XXXX>', () => {
    expect(safeCell('Joe\tCafe\n')).toBe('Joe<U+0009>Cafe<U+000A>');
    expect(safeCell('abc\u202Edcba')).toBe('abc<U+202E>dcba');
    expect(safeCell('\u0000\u007f\u0085\u2028\ufeff')).toBe('<U+0000><U+007F><U+0085><U+2028><U+FEFF>');
    // A leading tab or CR (which some spreadsheets read as a formula start) is shown, so it no longer leads.
    expect(safeCell('\t=1')).toBe('<U+0009>=1');
    expect(safeCell('\r=1')).toBe('<U+000D>=1');
    expect(safeCell('Café 金龍 مطعم 👩‍👩‍👧')).toBe('Café 金龍 مطعم 👩‍👩‍👧');
  });

  it('cuts a long value to about 200 characters at a grapheme boundary', () => {
    const family = '👩‍👩‍👧';
    const cut = safeCell(`${'a'.repeat(195)}${family}${'b'.repeat(10_000_000)}`);
    expect(cut).toBe(`${'a'.repeat(195)}…`);
    const flags = safeCell('🇪🇸'.repeat(150));
    expect(flags.length).toBeLessThanOrEqual(201);
    expect(flags).toBe(`${'🇪🇸'.repeat(49)}…`);
    expect(safeCell('x'.repeat(200))).toBe('x'.repeat(200));
    expect(safeCell(`a${'\u0301'.repeat(500)}`).length).toBeLessThanOrEqual(101);
  });
});
