import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run-batch.js';
import { tempDir } from '../cli/run-placard.js';
import { folderHashes } from '../helpers/folder-hashes.js';

const FIXTURE = resolve('test/fixtures/businesses.csv');

/** sha256 of every file a run left in its folder (PDFs, manifest.json, errors.csv), by name; temporary files too. */
const hashes = (dir: string): Record<string, string> => folderHashes(dir, (name) => !name.endsWith('.lock'));

describe('batch output does not depend on --jobs', () => {
  it('one worker and two, each holding rows ahead and writing its own PDFs, leave the same bytes, combined file included', async () => {
    const dir = tempDir();
    const runs = [];
    for (const jobs of [1, 2]) {
      const out = join(dir, `out-${jobs}`);
      const combined = join(dir, `all-${jobs}.pdf`);
      const summary = await runBatch({ session: { template: 'private-areas' }, dataFile: FIXTURE, outDir: out, combined, jobs });
      runs.push({ summary, files: hashes(out), combined: createHash('sha256').update(readFileSync(combined)).digest('hex') });
    }
    const [one, two] = runs;
    expect([one!.summary.made, one!.summary.failed]).toEqual([9, 3]);
    expect(Object.keys(one!.files).filter((name) => name.endsWith('.pdf'))).toHaveLength(9);
    expect(Object.keys(one!.files).some((name) => name.endsWith('.tmp'))).toBe(false);
    expect(two!.files).toEqual(one!.files);
    expect(two!.combined).toEqual(one!.combined);
  }, 240_000);
});
