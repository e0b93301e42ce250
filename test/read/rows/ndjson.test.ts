import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { readAll, rejected, tempDir, write } from './rows-helpers.js';

const dir = tempDir('ndjson');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('NDJSON rows', () => {
  it('numbers rows by line, skips blank lines, reports a bad line and reads on', async () => {
    const file = write(
      dir,
      'rows.jsonl',
      '{"id": "b1", "Name": "A"}\r\n\n{"id": "b2", "name": \n[1]\n{"id": "b4", "city": "X", "phone": 6125550104}',
    );
    const { events, source } = await readAll(file);
    expect(source.format).toBe('ndjson');
    expect(events.map((event) => event.row)).toEqual([1, 3, 4, 5]);
    expect(events[0]).toEqual({ row: 1, record: { id: 'b1', name: 'A' } });
    expect(events[1]).toMatchObject({ problems: [{ row: 3, line: 3, message: expect.stringContaining('not valid JSON') }] });
    expect(events[2]).toMatchObject({ problems: [{ row: 4, message: expect.stringContaining('is a list; expected an object') }] });
    expect(events[3]).toEqual({ row: 5, record: { id: 'b4', city: 'X', phone: '6125550104' } });
    expect(source.columns).toEqual(['id', 'name', 'city', 'phone']);
  });

  it('refuses a line over 1 MB, /dev/zero and a Latin-1 byte with their place', async () => {
    expect(
      (await rejected(UsageError, () => readAll(write(dir, 'long.ndjson', `{"name": "${'x'.repeat(1_100_000)}"}`)))).message,
    ).toContain('line 1 is longer than 1 MB');
    expect((await rejected(UsageError, () => readAll('/dev/zero', { format: 'ndjson' }))).message).toContain('is a device, not a file');
    const latin1 = Buffer.concat([Buffer.from('{"name": "A"}\n{"name": "Caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    expect((await rejected(UsageError, () => readAll(write(dir, 'latin1.ndjson', latin1)))).message).toContain(
      'line 2, column 14: byte 0xE9 is not UTF-8',
    );
  });
});

describe('NDJSON field names', () => {
  it('refuses more than 200 different field names across lines', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ name: 'A', [`extra${i}`]: 'x' })).join('\n');
    expect((await rejected(UsageError, () => readAll(write(dir, 'names.ndjson', lines)))).message).toContain(
      'more than 200 different field names',
    );
  });
});
