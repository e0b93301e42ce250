import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../helpers/system-tools.js';
import { readmeBlock, recipeFolder, runArgv, shellCommands } from './recipe-runner.js';

describe("the README's GNU parallel recipe", () => {
  it.skipIf(!hasTool('parallel'))(
    'runs as written: parallel exits with the number of shards that had a bad row, and the merge gives one manifest',
    () => {
      const [shards, merge, ...rest] = shellCommands(readmeBlock('parallel -j'));
      expect(rest).toEqual([]);
      const n = Number(/--shard \{\}\/(\d+)/.exec(shards!)![1]);
      const { dir, env, records, badRecords } = recipeFolder();
      const run = runArgv(['bash', '-c', shards!], dir, env);
      // As the README says: one failed job per shard holding a bad row (record i is in shard i mod N + 1).
      expect(run.code, run.stderr).toBe(new Set(badRecords.map((record) => record % n)).size);
      const merged = runArgv(['bash', '-c', merge!], dir, env);
      expect(merged.code, merged.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as {
        entries: { file: string }[];
        failed: { index: number }[];
      };
      expect(manifest.failed.map((row) => row.index)).toEqual(badRecords);
      expect(manifest.entries).toHaveLength(records - badRecords.length);
      for (const entry of manifest.entries) expect(existsSync(join(dir, 'out', entry.file)), entry.file).toBe(true);
    },
    600_000,
  );
});
