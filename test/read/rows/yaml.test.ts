import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { openRows } from '../../../src/read/rows/read-rows.js';
import { readAll, rejected, tempDir, write } from './rows-helpers.js';

const dir = tempDir('yaml');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('YAML list rows', () => {
  it('reads every scalar as text and lists as lists; an anchor may be reused', async () => {
    const file = write(
      dir,
      'rows.yml',
      `- Name: Lake Street Tortillería
  postal_code: 07102
  phone: 6125550101
  open: yes
  private_areas: &areas [Kitchen, Office]
  city:
- name: Second
  private_areas: *areas
  Private_Areas.ES:
    - Cocina
`,
    );
    const { events, source } = await readAll(file);
    expect(source.columns).toEqual(['name', 'postal_code', 'phone', 'open', 'private_areas', 'city', 'private_areas.es']);
    expect(events).toEqual([
      {
        row: 1,
        record: {
          name: 'Lake Street Tortillería',
          postal_code: '07102',
          phone: '6125550101',
          open: 'yes',
          private_areas: ['Kitchen', 'Office'],
        },
      },
      { row: 2, record: { name: 'Second', private_areas: ['Kitchen', 'Office'], 'private_areas.es': ['Cocina'] } },
    ]);
  });

  it('reports a nested mapping, a field given twice and an item that is not a mapping as row problems', async () => {
    const file = write(dir, 'bad.yaml', '- name: A\n  private_areas: {es: [Cocina]}\n- name: B\n  NAME: C\n- just text\n- name: D\n');
    const { events } = await readAll(file);
    expect(events[0]).toMatchObject({
      row: 1,
      problems: [{ line: 2, field: 'private_areas', message: expect.stringContaining('nested mapping') }],
    });
    expect(events[1]).toMatchObject({ row: 2, problems: [{ line: 4, field: 'name', message: expect.stringContaining('given twice') }] });
    expect(events[2]).toMatchObject({ row: 3, problems: [{ line: 5, message: expect.stringContaining('not a mapping') }] });
    expect(events[3]).toEqual({ row: 4, record: { name: 'D' } });
  });

  it('stops an alias bomb with its line and column', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10)
          .fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`)
          .join(', ')}]`,
      );
    const error = await rejected(UsageError, () => openRows(write(dir, 'bomb.yaml', `- name: bomb\n  ${lines.join('\n  ')}\n`)));
    expect(error.message).toMatch(/bomb\.yaml: line \d+, column \d+: more than 100 aliases/);
  });

  it('refuses a file that is not a YAML list, saying where', async () => {
    expect((await rejected(UsageError, () => openRows(write(dir, 'map.yaml', 'name: A\n')))).message).toContain('expected a YAML list');
    expect((await rejected(UsageError, () => openRows(write(dir, 'empty.yaml', '')))).message).toContain('expected a YAML list');
    expect((await rejected(UsageError, () => openRows(write(dir, 'broken.yaml', '- name: "A\n')))).message).toMatch(
      /line \d+, column \d+: not valid YAML/,
    );
    const deep = await rejected(UsageError, () => openRows(write(dir, 'deep.yaml', '['.repeat(50_000) + ']'.repeat(50_000))));
    expect(deep.message).toContain('line 1: nested more than 64 levels deep');
    const block = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect((await rejected(UsageError, () => openRows(write(dir, 'block.yaml', block)))).message).toMatch(/line \d+: nested more than 64/);
    expect((await rejected(UsageError, () => openRows(write(dir, 'dashes.yaml', '- '.repeat(100_000))))).message).toContain(
      'line 1: nested',
    );
    const long = await rejected(UsageError, () => openRows(write(dir, 'long.yaml', '- a\n'.repeat(400_000))));
    expect(long.message).toContain('line 150001: more than 300000 values');
    expect((await rejected(UsageError, () => openRows('/dev/zero', { format: 'yaml' }))).message).toContain('is a device, not a file');
  });
});
