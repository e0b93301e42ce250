import { lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatErrorsCsv, safeCell } from '../../src/batch/errors-csv.js';
import { ErrorsWriter } from '../../src/batch/errors-writer.js';
import { tempDir } from './manifest-fixtures.js';

const rows = (path: string): string[] => (parse(readFileSync(path), { bom: true }) as string[][]).slice(1).map((cells) => cells[0]!);

describe('ErrorsWriter', () => {
  it('has every failure on disk as soon as it is added (a killed run keeps them), and ends sorted by row', async () => {
    const path = join(tempDir(), 'errors.csv');
    const writer = ErrorsWriter.open(path);
    writer.add([{ row: 5, reason: 'five' }]);
    writer.add([
      { row: 3, reason: 'three' },
      { row: 3, reason: 'three again' },
    ]);
    expect(rows(path)).toEqual(['5', '3', '3']);
    await writer.finish();
    expect(rows(path)).toEqual(['3', '3', '5']);
    const all = [
      { row: 3, reason: 'three' },
      { row: 3, reason: 'three again' },
      { row: 5, reason: 'five' },
    ];
    expect(readFileSync(path)).toEqual(Buffer.from(formatErrorsCsv(all)));
  });

  it('replaces a link planted at its name instead of writing through it', async () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(dir, 'errors.csv'));
    const writer = ErrorsWriter.open(join(dir, 'errors.csv'));
    writer.add([{ row: 2, reason: 'x' }]);
    await writer.finish();
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'errors.csv')).isFile()).toBe(true);
  });
});

describe('safeCell and half characters', () => {
  it('never ends a value cut in the middle of an emoji with U+FFFD', () => {
    const cutUpstream = `${'a'.repeat(10)}${'😀'.slice(0, 1)}…`;
    const cell = safeCell(cutUpstream);
    expect(Buffer.from(cell).toString('utf8')).not.toContain('\uFFFD');
    expect(cell).toBe(`${'a'.repeat(10)}…`);
    expect(safeCell(`x${'😀'.slice(1)}y`)).toBe('x<U+DE00>y');
  });
});
