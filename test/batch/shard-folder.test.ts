import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run-batch.js';
import { tempDir } from '../cli/run-placard.js';

describe('shards sharing one output folder', () => {
  it("sweep only their own temporary files, never another shard's in flight", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'shops.csv'), 'id,name\na1,Uno\na2,Dos\n');
    const out = join(dir, 'out');
    mkdirSync(out);
    const others = ['.manifest.shard-2-of-2.json.0123456789ab.tmp', '.a2-private-areas.pdf.0123456789ab.tmp'];
    const own = '.manifest.shard-1-of-2.json.0123456789ab.tmp';
    for (const name of [...others, own]) writeFileSync(join(out, name), 'in flight');
    const options = { session: { template: 'private-areas' }, dataFile: join(dir, 'shops.csv'), outDir: out, jobs: 1 };
    const summary = await runBatch({ ...options, shard: { k: 1, n: 2 } });
    expect(summary.made).toBe(1);
    for (const name of others) expect(existsSync(join(out, name)), name).toBe(true);
    expect(existsSync(join(out, own))).toBe(false);
    // An unsharded run owns the folder: it sweeps every temporary file a killed run left.
    await runBatch(options);
    for (const name of others) expect(existsSync(join(out, name)), name).toBe(false);
  });
});
