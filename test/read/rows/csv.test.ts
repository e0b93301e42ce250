import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { openRows } from '../../../src/read/rows/read-rows.js';
import { readAll, rejected, tempDir, write } from './rows-helpers.js';

const dir = tempDir('csv');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CSV rows', () => {
  it('reads CRLF, a byte order mark and quoted line breaks; rows follow records, as a spreadsheet shows them', async () => {
    const file = write(dir, 'crlf.csv', '\uFEFFId,Name\r\nb1,"Two\r\nlines"\r\n\r\nb3,"Joe\'s ""Best"""\r\n');
    const { events, source } = await readAll(file);
    expect(source.columns).toEqual(['id', 'name']);
    expect(events).toEqual([
      { row: 2, record: { id: 'b1', name: 'Two\r\nlines' } },
      { row: 3, skipped: 'blank' },
      { row: 4, record: { id: 'b3', name: 'Joe\'s "Best"' } },
    ]);
  });

  it('keeps every cell as written: leading zeros, spaces, list text for the validator to split', async () => {
    const file = write(dir, 'text.csv', 'postal_code,phone,private_areas,Private_Areas.ES\n07102, 612 ,Kitchen;Office,Cocina;Oficina\n');
    const { events, source } = await readAll(file);
    expect(source.columns).toEqual(['postal_code', 'phone', 'private_areas', 'private_areas.es']);
    expect(events).toEqual([
      { row: 2, record: { postal_code: '07102', phone: ' 612 ', private_areas: 'Kitchen;Office', 'private_areas.es': 'Cocina;Oficina' } },
    ]);
  });

  it('leaves the missing cells of a short row absent and reports a long row, and goes on', async () => {
    const file = write(dir, 'ragged.csv', 'id,name,city\nb1,Cafe\nb2,Smith, Jones,Chicago\nb3,Deli,Austin,,\n');
    const { events } = await readAll(file);
    expect(events[0]).toEqual({ row: 2, record: { id: 'b1', name: 'Cafe' } });
    expect(events[1]).toMatchObject({
      row: 3,
      problems: [{ file, row: 3, message: expect.stringContaining("column D, past the header's 3 columns") }],
    });
    expect(events[2]).toEqual({ row: 4, record: { id: 'b3', name: 'Deli', city: 'Austin' } });
    const wide = await readAll(write(dir, 'wide-row.csv', `id\nb1${',x'.repeat(10_000)}\n`));
    expect(wide.events[0]).toMatchObject({
      problems: [{ message: expect.stringContaining("columns B, C, D, E, F and 9995 more, past the header's 1 column;") }],
    });
  });

  it('refuses two headers for one field, naming both columns', async () => {
    const file = write(dir, 'twice.csv', 'id,Name,city, name \nb1,A,B,C\n');
    const error = await rejected(UsageError, () => openRows(file));
    expect(error.message).toContain('columns B ("Name") and D ("name") are both the field "name"');
  });

  it('ignores a column without a header when it is empty, and warns once when it holds values', async () => {
    const quiet = await readAll(write(dir, 'blank-header.csv', 'id,,name\nb1,,A\n'));
    expect(quiet.source.warnings).toEqual([]);
    expect(quiet.events).toEqual([{ row: 2, record: { id: 'b1', name: 'A' } }]);
    const noisy = await readAll(write(dir, 'notes.csv', 'id,,name\nb1,note,A\nb2,more,B\n'));
    expect(noisy.source.warnings).toEqual([
      { file: noisy.source.file, row: 2, message: 'column B has no header, so its values are ignored; give it a field name in row 1' },
    ]);
    expect(noisy.events).toHaveLength(2);
  });

  it('reports a value over 4 KB as a problem of that row and field', async () => {
    const file = write(dir, 'huge.csv', `id,name\nb1,${'x'.repeat(5000)}\nb2,Fine\n`);
    const { events } = await readAll(file);
    expect(events[0]).toMatchObject({ row: 2, problems: [{ field: 'name', message: expect.stringContaining('at most 4 KB') }] });
    expect(events[1]).toEqual({ row: 3, record: { id: 'b2', name: 'Fine' } });
  });

  it('reads TSV with quotes inside values as plain text', async () => {
    const file = write(dir, 'plain.tab', 'id\tname\nb5\tJoe\'s "Best" Pizza <&> Subs\n');
    const { events, source } = await readAll(file);
    expect(source.format).toBe('tsv');
    expect(events).toEqual([{ row: 2, record: { id: 'b5', name: 'Joe\'s "Best" Pizza <&> Subs' } }]);
  });

  it('says where a quote is never closed', async () => {
    const file = write(dir, 'quote.csv', 'id,name\nb1,"Open\nb2,x\n');
    const error = await rejected(UsageError, () => readAll(file));
    expect(error.message).toMatch(/quote\.csv: line \d+: a quoted value is never closed/);
  });

  it('reads again, from what its count kept, the same rows the file gives (the file itself is not read again)', async () => {
    const text = 'Notes\nId,Name\r\nb1,"Two\nlines"\n\nb3,Cafe,x\nTotal: 2\nb5,"A ""B"""\n';
    const file = write(dir, 'kept.csv', text);
    const counted = await openRows(file, { reread: 'keep' });
    expect(counted.parsedRecords?.()).toBeUndefined();
    expect(await counted.count!()).toBe(3);
    const parsed = counted.parsedRecords?.();
    expect(parsed?.rows).toHaveLength(7);
    // The hash of the bytes the records were read from, whatever the file holds later (the manifest's input sha256).
    expect(parsed?.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    const fresh = await readAll(file);
    fs.writeFileSync(file, 'id\nchanged\n');
    const again = await readAll(file, { reread: parsed! });
    expect(again.events).toEqual(fresh.events);
    expect(again.source.columns).toEqual(fresh.source.columns);
    expect(again.source.warnings).toEqual(fresh.source.warnings);
    expect(parsed?.rows.every((row) => row === undefined)).toBe(true);
  });

  it('gives a header with no rows and a warning', async () => {
    const { events, source } = await readAll(write(dir, 'header.csv', 'id,name\n'));
    expect(events).toEqual([]);
    expect(source.warnings).toEqual([{ file: source.file, message: 'has a header row but no rows of data' }]);
  });

  it('can stop early without leaving the file open', async () => {
    const file = write(dir, 'many.csv', 'id,name\n' + Array.from({ length: 50_000 }, (_, i) => `b${i},Shop ${i}`).join('\n'));
    const source = await openRows(file);
    let seen = 0;
    for await (const event of source.rows()) {
      expect(event).toEqual({ row: 2, record: { id: 'b0', name: 'Shop 0' } });
      seen++;
      break;
    }
    expect(seen).toBe(1);
  });
});

describe('CSV files that are not usable', () => {
  it('names the line and column of a Latin-1 byte, deep in a streamed file', async () => {
    const lines = ['id,name', ...Array.from({ length: 6000 }, (_, i) => `b${i},Café ${i}`)];
    const bytes = Buffer.concat([Buffer.from(lines.join('\n') + '\nb6000,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const error = await rejected(UsageError, () => readAll(write(dir, 'latin1.csv', bytes)));
    expect(error.message).toContain('line 6002, column 10: byte 0xE9 is not UTF-8');
  });

  it('reads characters split between chunks', async () => {
    const name = 'é'.repeat(40_000) + '😀';
    const { events } = await readAll(write(dir, 'split.csv', `id,name\nb1,${'ü'.repeat(3000)}\nb2,${name.slice(0, 1000)}\n`));
    expect(events.map((event) => event.row)).toEqual([2, 3]);
    expect(events[1]).toEqual({ row: 3, record: { id: 'b2', name: 'é'.repeat(1000) } });
    const wide = await readAll(write(dir, 'wide.csv', `name\n${'x'.repeat(65_535)}😀\n`));
    expect(wide.events[0]).toMatchObject({ row: 2, problems: [{ field: 'name' }] });
  });

  it('stops at /dev/zero, a folder, a missing file, an empty file and an unknown extension', async () => {
    expect((await rejected(UsageError, () => readAll('/dev/zero', { format: 'csv' }))).message).toContain('is a device, not a file');
    expect((await rejected(UsageError, () => openRows(dir, { format: 'csv' }))).message).toContain('it is a folder');
    expect((await rejected(UsageError, () => openRows(path.join(dir, 'nope.csv')))).message).toContain('no such file');
    expect((await rejected(UsageError, () => openRows(write(dir, 'empty.csv', '')))).message).toContain('is empty; expected a header row');
    const unknown = await rejected(UsageError, () => openRows(write(dir, 'rows.txt', 'id\n')));
    expect(unknown.message).toContain('--format csv|tsv|xlsx|json|ndjson|yaml');
    expect((await rejected(UsageError, () => openRows(write(dir, 'x.csv', 'id\n'), { sheet: 'A' }))).message).toContain(
      '--sheet only applies to XLSX',
    );
  });

  it('reads a header of more than 200 columns; a row is checked only in the columns used (issue 15, item 22)', async () => {
    const header = ['name', ...Array.from({ length: 300 }, (_, i) => `c${i}`)].join(',');
    const row = ['Deli', ...Array.from({ length: 300 }, () => 'x')].join(',');
    const source = await openRows(write(dir, 'wide-header.csv', `${header}\n${row}\nCafe,a\0b\n`));
    expect(source.columns).toHaveLength(301);
    source.useOnly?.(new Set(['name']));
    const events = [];
    for await (const event of source.rows()) events.push(event);
    expect(events).toEqual([
      { row: 2, record: { name: 'Deli' } },
      { row: 3, record: { name: 'Cafe' } },
    ]);
    const all = await readAll(write(dir, 'wide-header.csv', `${header}\n${row}\n`));
    expect(all.events[0]).toMatchObject({ problems: [{ message: 'has 301 fields; at most 200 are read' }] });
  });

  it('makes a NUL byte in one cell, and a row over 1 MB, a problem of that row alone (issue 15, item 22)', async () => {
    const big = 'x'.repeat(1024 * 1024 + 10);
    const { events } = await readAll(write(dir, 'nul.csv', `id,name\nb1,Ca\0fe\nb2,${big}\nb3,Deli\n`));
    expect(events[0]).toMatchObject({ row: 2, problems: [{ field: 'name', message: expect.stringContaining('NUL byte') }] });
    expect(events[1]).toMatchObject({ row: 3, problems: [{ message: expect.stringContaining('is longer than 1 MB') }] });
    expect(events[2]).toEqual({ row: 4, record: { id: 'b3', name: 'Deli' } });
  });

  it('reads a CRLF header over LF rows, one row per line (issue 15, item 12)', async () => {
    const { events } = await readAll(write(dir, 'mixed.csv', 'id,name\r\nb1,Alpha\nb2,Beta\n'));
    expect(events).toEqual([
      { row: 2, record: { id: 'b1', name: 'Alpha' } },
      { row: 3, record: { id: 'b2', name: 'Beta' } },
    ]);
  });

  it('refuses a FIFO up front instead of hanging (issue 15, item 15)', async () => {
    const fifo = path.join(dir, 'rows.csv');
    execFileSync('mkfifo', [fifo]);
    expect((await rejected(UsageError, () => openRows(fifo))).message).toContain('is a pipe, not a file');
  });

  it('refuses more than a million rows, blank ones counted', async () => {
    const error = await rejected(UsageError, () => readAll(write(dir, 'endless.csv', 'id\n' + '\n'.repeat(1_000_000))));
    expect(error.message).toContain('more than 1000000 rows');
  });
});

describe('CSV files saved the wrong way', () => {
  it('says so for UTF-16 and for fields separated by semicolons', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\n', 'utf16le')]);
    expect((await rejected(UsageError, () => openRows(write(dir, 'utf16.csv', utf16)))).message).toContain('is UTF-16');
    const semicolons = await rejected(UsageError, () => openRows(write(dir, 'semicolons.csv', 'id;name;city\nb1;A;B\n')));
    expect(semicolons.message).toContain('row 1 is one column, "id;name;city"; separate the fields with commas');
  });
});
