import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { openRows } from '../../../src/read/rows/read-rows.js';
import { readAll, rejected, tempDir, write } from './rows-helpers.js';

const dir = tempDir('json');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('JSON array rows', () => {
  it('keeps numbers digit for digit as written, lists as lists, and leaves null and empty values out', async () => {
    const file = write(
      dir,
      'numbers.json',
      '[{"Name": "A", "postal_code": 55407, "phone": 12345678901234567890, "rate": 12.50, "private_areas": ["Kitchen", "Office"], "city": null, "region": ""}]',
    );
    const { events, source } = await readAll(file);
    expect(source.columns).toEqual(['name', 'postal_code', 'phone', 'rate', 'private_areas', 'city', 'region']);
    expect(events).toEqual([
      {
        row: 1,
        record: { name: 'A', postal_code: '55407', phone: '12345678901234567890', rate: '12.50', private_areas: ['Kitchen', 'Office'] },
      },
    ]);
  });

  it('reports what cannot be business text without changing it, row by row, and goes on', async () => {
    const file = write(
      dir,
      'bad-rows.json',
      `[
  {"name": "Exponent", "phone": 1e400},
  "just text",
  {"name": "Nested", "private_areas": {"es": ["Cocina"]}},
  {"name": "Twice", "NAME": "again"},
  {"name": "Flag", "open": true},
  {"name": "List of lists", "private_areas": [["Kitchen"]]},
  {"name": "Surrogate \\ud800"},
  {"name": "Fine", "Private_Areas.ES": ["Cocina"]}
]`,
    );
    const { events } = await readAll(file);
    expect(events.map((event) => event.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events[0]).toMatchObject({
      problems: [{ row: 1, line: 2, field: 'phone', message: expect.stringContaining('1e400 in exponent form') }],
    });
    expect(events[1]).toMatchObject({
      problems: [{ row: 2, line: 3, message: expect.stringContaining('is a string; expected an object') }],
    });
    expect(events[2]).toMatchObject({ problems: [{ row: 3, field: 'private_areas', message: expect.stringContaining('nested object') }] });
    expect(events[3]).toMatchObject({
      problems: [{ row: 4, field: 'name', message: expect.stringContaining('given twice, as "name" and "NAME"') }],
    });
    expect(events[4]).toMatchObject({ problems: [{ row: 5, field: 'open', message: expect.stringContaining('is true') }] });
    expect(events[5]).toMatchObject({
      problems: [{ row: 6, field: 'private_areas', message: expect.stringContaining('list inside a list') }],
    });
    expect(events[6]).toMatchObject({ problems: [{ row: 7, field: 'name', message: expect.stringContaining('lone surrogate') }] });
    expect(events[7]).toEqual({ row: 8, record: { name: 'Fine', 'private_areas.es': ['Cocina'] } });
  });

  it('reports a value without a field name as a row problem', async () => {
    const { events } = await readAll(write(dir, 'names.json', '[{"name": "A", " ": "x"}]'));
    expect(events[0]).toMatchObject({ row: 1, problems: [{ message: expect.stringContaining('without a field name') }] });
  });

  it('refuses more than 200 field names and more than a million items without building them all', async () => {
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, 'x'])));
    expect((await rejected(UsageError, () => openRows(write(dir, 'wide.json', `[${wide}]`)))).message).toContain(
      'more than 200 different field names',
    );
    const many = await rejected(UsageError, () => openRows(write(dir, 'many.json', `[${'0,'.repeat(1_000_000)}0]`)));
    expect(many.message).toContain('more than 1000000 rows');
    const { events } = await readAll(write(dir, 'big-item.json', `[{${'"a": 1, '.repeat(200_000)}"name": "x"}, {"name": "B"}]`));
    expect(events).toEqual([
      {
        row: 1,
        problems: [{ file: expect.any(String), row: 1, line: 1, column: 2, message: expect.stringContaining('longer than 1 MB') }],
      },
      { row: 2, record: { name: 'B' } },
    ]);
  });

  it('refuses text that is not a JSON array, saying where', async () => {
    expect((await rejected(UsageError, () => openRows(write(dir, 'zero.json', '[{"postal_code": 07102}]')))).message).toMatch(
      /line 1, column \d+: not valid JSON/,
    );
    expect((await rejected(UsageError, () => openRows(write(dir, 'comma.json', '[{"name": "A"},\n]')))).message).toContain(
      'line 2, column 1: not valid JSON',
    );
    expect((await rejected(UsageError, () => openRows(write(dir, 'object.json', '{"name": "A"}')))).message).toContain(
      'for one object per line use .ndjson',
    );
    expect((await rejected(UsageError, () => openRows(write(dir, 'empty.json', '')))).message).toContain('not valid JSON');
  });

  it('refuses nesting deep enough to hurt a parser, and reads moderate nesting as a row problem', async () => {
    const deep = await rejected(UsageError, () => openRows(write(dir, 'deep.json', '['.repeat(100_000) + ']'.repeat(100_000))));
    expect(deep.message).toContain('nested more than 32 levels deep');
    const { events } = await readAll(write(dir, 'nested.json', `[{"name": ${'['.repeat(10)}${']'.repeat(10)}}]`));
    expect(events[0]).toMatchObject({ problems: [{ field: 'name' }] });
  });

  it('stops reading /dev/zero at 64 MB', async () => {
    expect((await rejected(UsageError, () => openRows('/dev/zero', { format: 'json' }))).message).toContain('is a device, not a file');
  });
});
