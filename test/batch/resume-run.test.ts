import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrorsCsv, rowErrors, type RowError } from '../../src/batch/errors-csv.js';
import { FileNamer } from '../../src/batch/file-names.js';
import { loadPrevious } from '../../src/batch/load-previous.js';
import type { ManifestHeader } from '../../src/batch/manifest.js';
import { ManifestWriter } from '../../src/batch/manifest-writer.js';
import { PreviousManifest, recordSha256, sha256Hex } from '../../src/batch/resume.js';
import { writeSafely } from '../../src/write/safe-output.js';
import { HEADER, tempDir } from './manifest-fixtures.js';

type Row = { id?: string; name: string };

/**
 * The output side of a batch, wired the way the runner is meant to wire it: names in input order, a stand-in for
 * rendering (bytes made from the record), resume decisions, the manifest writer and errors.csv. `stopAfter`
 * abandons the run after that many rows are rendered, as a crash would (no finish, journal left behind).
 */
async function miniBatch(
  dir: string,
  rows: readonly Row[],
  options: { resume?: boolean; stopAfter?: number; header?: ManifestHeader } = {},
) {
  const header = options.header ?? HEADER;
  const previous = options.resume ? new PreviousManifest(loadPrevious(dir).manifest, header) : undefined;
  const writer = await ManifestWriter.open(dir, header, writeSafely);
  const namer = new FileNamer();
  const errors: RowError[] = [];
  const reasons: string[] = [];
  let rendered = 0;
  for (const [index, record] of rows.entries()) {
    const row = index + 2;
    const file = namer.name(row, record, header.template);
    if (record.name === '') {
      errors.push(...rowErrors(row, record, [{ field: 'name', value: '', message: 'is required' }]));
      await writer.fail({ row, index, ...(record.id ? { id: record.id } : {}) });
      continue;
    }
    const plan = { file, template: header.template, record_sha256: recordSha256(record) };
    const decision = previous ? await previous.decide(dir, plan) : { action: 'render' as const, reason: 'no --resume' };
    if (decision.action === 'skip') {
      await writer.add({ ...decision.entry, row, index });
      continue;
    }
    if (options.stopAfter !== undefined && rendered >= options.stopAfter) {
      await writer.close();
      return { reasons };
    }
    reasons.push(`${row}: ${decision.reason}`);
    const pdf = new TextEncoder().encode(`%PDF ${header.placard_version} ${JSON.stringify(record)}`);
    await writeSafely(join(dir, file), pdf);
    rendered += 1;
    await writer.add({
      row,
      index,
      ...(record.id ? { id: record.id } : {}),
      name: record.name,
      sha256: sha256Hex(pdf),
      ...plan,
      languages: ['en'],
      warnings: [],
    });
  }
  await writer.finish(rows.length);
  await writeSafely(join(dir, 'errors.csv'), formatErrorsCsv(errors));
  return { reasons };
}

/** Every file in a folder with its bytes. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'latin1')]),
  );
}

const ROWS: Row[] = [
  { name: "Joe's Cafe" },
  { name: 'Joe’s Café' },
  { id: 'CITY-7', name: 'Ana' },
  { name: '' },
  { name: '金龍餐館' },
  { name: "JOE'S CAFE" },
  { name: 'Lake Street Tortillería' },
];

describe('a stopped run, resumed', () => {
  it('ends with exactly the files of an uninterrupted run, having rendered only what was missing', async () => {
    const clean = tempDir();
    await miniBatch(clean, ROWS);
    for (const stopAfter of [0, 1, 3, 5]) {
      const dir = tempDir();
      await miniBatch(dir, ROWS, { stopAfter });
      const { reasons } = await miniBatch(dir, ROWS, { resume: true });
      expect(contents(dir)).toEqual(contents(clean));
      expect(reasons).toHaveLength(6 - stopAfter);
    }
    expect(Object.keys(contents(clean))).toContain('joe-s-cafe-3-private-areas.pdf');
  });

  it('after an edit renders only the edited row, and after an upgrade every row, saying why', async () => {
    const dir = tempDir();
    await miniBatch(dir, ROWS);
    const edited = ROWS.map((row) => (row.id === 'CITY-7' ? { ...row, name: 'Ana María' } : row));
    expect((await miniBatch(dir, edited, { resume: true })).reasons).toEqual(['4: input changed']);
    expect((await miniBatch(dir, edited, { resume: true })).reasons).toEqual([]);
    const upgraded = await miniBatch(dir, edited, { resume: true, header: { ...HEADER, placard_version: '0.2.0' } });
    expect(upgraded.reasons).toHaveLength(6);
    expect(upgraded.reasons[0]).toBe('2: placard version changed (0.1.0 → 0.2.0)');
  });
});
