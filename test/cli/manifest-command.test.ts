import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { parseManifest, serializeManifest, type ManifestHeader } from '../../src/batch/manifest.js';
import { ManifestWriter } from '../../src/batch/manifest-writer.js';
import { inShard, type Shard } from '../../src/batch/shard.js';
import { writeSafely } from '../../src/write/safe-output.js';
import { errorsFileName } from '../../src/batch/errors-csv.js';
import { ErrorsWriter } from '../../src/batch/errors-writer.js';
import { entry, HEADER, tempDir } from '../batch/manifest-fixtures.js';

const ROWS = 8;
const FAILED = 5;

function terminal() {
  const out: (string | Uint8Array)[] = [];
  let err = '';
  const io: CliIO = { stdout: { write: (chunk) => out.push(chunk) }, stderr: { write: (chunk) => (err += chunk) }, env: {} };
  return {
    io,
    stdout: () => out.map((chunk) => (typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk))).join(''),
    stderr: () => err,
  };
}

async function placard(args: string[]) {
  const term = terminal();
  const code = await main(args, term.io);
  return { code, stdout: term.stdout(), stderr: term.stderr() };
}

/** Runs the manifest side of a batch over ROWS records (record FAILED fails) into dir, as shard `shard` if given. */
async function run(dir: string, shard?: Shard, header: ManifestHeader = HEADER): Promise<void> {
  const writer = await ManifestWriter.open(dir, { ...header, ...(shard ? { shard } : {}) }, writeSafely);
  const errors = ErrorsWriter.open(join(dir, errorsFileName(shard)));
  for (let index = ROWS - 1; index >= 0; index -= 1) {
    if (!inShard(index, shard)) continue;
    if (index === FAILED) {
      await writer.fail({ row: index + 2, index, name: 'Broken' });
      errors.add([
        { row: index + 2, name: 'Broken', field: 'phone', reason: 'not a phone number' },
        { row: index + 2, name: 'Broken', field: 'city', reason: 'city is required' },
      ]);
    } else await writer.add(entry(index));
  }
  await writer.finish(ROWS);
  await errors.finish();
}

describe('placard manifest merge', () => {
  it('joins three shards written into one folder into exactly the manifest of one unsharded run', async () => {
    const whole = tempDir();
    await run(whole);
    const shared = tempDir();
    for (const k of [1, 2, 3]) await run(shared, { k, n: 3 });
    const result = await placard(['manifest', 'merge', shared, '-o', join(shared, 'manifest.json')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/wrote .*manifest\.json and .*errors\.csv: 7 notices, 1 failed, from 3 manifests/);
    expect(result.stderr).toMatch(/warning: 1 row failed and has no notice \(row 7\)/);
    expect(readFileSync(join(shared, 'manifest.json'), 'utf8')).toBe(readFileSync(join(whole, 'manifest.json'), 'utf8'));
    // The shards' errors files become one errors.csv, with the input's row numbers, as one run would write it.
    expect(readFileSync(join(shared, 'errors.csv'), 'utf8')).toBe(readFileSync(join(whole, 'errors.csv'), 'utf8'));
    expect(result.stderr).toContain(`the reasons are in ${join(shared, 'errors.csv')}`);
    // Merging again reads the shard manifests, not the merged manifest.json beside them.
    expect((await placard(['manifest', 'merge', shared, '-o', join(shared, 'manifest.json')])).code).toBe(0);
  });

  it('writes to stdout by default, with files relative to the current folder, and takes shards from separate folders', async () => {
    const root = tempDir();
    for (const k of [1, 2, 3]) {
      mkdirSync(join(root, `s${k}`));
      await run(join(root, `s${k}`), { k, n: 3 });
    }
    const toFile = await placard(['manifest', 'merge', ...[3, 1, 2].map((k) => join(root, `s${k}`)), '-o', join(root, 'all.json')]);
    expect(toFile.code).toBe(0);
    const merged = parseManifest(readFileSync(join(root, 'all.json'), 'utf8'), 'all.json');
    expect(merged.entries.map((row) => row.file)).toEqual([0, 1, 2, 3, 4, 6, 7].map((index) => `s${(index % 3) + 1}/${entry(index).file}`));
    expect(merged.shard).toBeUndefined();
    expect(merged.rows_total).toBe(ROWS);
    const toStdout = await placard([
      'manifest',
      'merge',
      join(root, 's1', 'manifest.shard-1-of-3.json'),
      join(root, 's2'),
      join(root, 's3'),
    ]);
    expect(toStdout.code).toBe(0);
    expect(parseManifest(toStdout.stdout, 'stdout').entries).toHaveLength(7);
  });

  it('reports rows in no manifest by row number, names the absent shard, writes nothing and exits 1', async () => {
    const shared = tempDir();
    for (const k of [1, 2]) await run(shared, { k, n: 3 });
    const other = tempDir();
    await run(other, { k: 3, n: 3 });
    copyFileSync(join(shared, 'manifest.shard-1-of-3.json'), join(other, 'manifest.shard-1-of-3.json'));
    const missing = await placard(['manifest', 'merge', shared, '-o', join(shared, 'manifest.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('2 of 8 rows are in no manifest: row 4, row 7; no manifest of shard 3/3 was given');
    expect(existsSync(join(shared, 'manifest.json'))).toBe(false);
  });

  it('reports a row beyond the input’s record count', async () => {
    const dir = tempDir();
    await run(dir);
    const manifest = parseManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'), 'm');
    writeFileSync(join(dir, 'manifest.json'), serializeManifest({ ...manifest, entries: [...manifest.entries, entry(ROWS)] }));
    const result = await placard(['manifest', 'merge', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`record ${ROWS + 1} is listed, but the input has only ${ROWS} records`);
  });

  it('reports a row given twice, with the manifests it is in, and exits 1', async () => {
    const shared = tempDir();
    for (const k of [1, 2, 3]) await run(shared, { k, n: 3 });
    const copy = tempDir();
    copyFileSync(join(shared, 'manifest.shard-2-of-3.json'), join(copy, 'manifest.shard-2-of-3.json'));
    const result = await placard(['manifest', 'merge', shared, copy]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /row 3: is in 2 manifests \(.*manifest\.shard-2-of-3\.json, .*manifest\.shard-2-of-3\.json\); expected one/,
    );
    expect(result.stderr).toMatch(/row 6: is in 2 manifests/);
    expect(result.stdout).toBe('');
  });

  it('refuses manifests of different runs (exit 2)', async () => {
    const a = tempDir();
    const b = tempDir();
    await run(a, { k: 1, n: 2 });
    await run(b, { k: 2, n: 2 }, { ...HEADER, input: { file: 'businesses.csv', sha256: 'f'.repeat(64) } });
    const result = await placard(['manifest', 'merge', a, b]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/are not shards of one run: the input sha256 differs/);
    const c = tempDir();
    await run(c, { k: 2, n: 2 }, { ...HEADER, placard_version: '9.9.9' });
    expect((await placard(['manifest', 'merge', a, c])).stderr).toMatch(/the placard version differs \(0\.1\.0 and 9\.9\.9\)/);
    const content = (locale: string): ManifestHeader => ({
      ...HEADER,
      content: { templates: 'a'.repeat(64), fonts: 'b'.repeat(64), locales: { en: 'c'.repeat(64), de: locale.repeat(64) } },
    });
    const [d, e] = [tempDir(), tempDir()];
    await run(d, { k: 1, n: 2 }, content('d'));
    await run(e, { k: 2, n: 2 }, content('e'));
    const differ = await placard(['manifest', 'merge', d, e]);
    expect(differ.code).toBe(2);
    expect(differ.stderr).toMatch(/the template, font or translation content differs/);
  });

  it('refuses a manifest whose rows_total is beyond what any input may hold, clearly (exit 2)', async () => {
    const dir = tempDir();
    const huge = { ...JSON.parse(new TextDecoder().decode(serializeManifest({ ...HEADER, entries: [], failed: [] }))), rows_total: 1e15 };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(huge));
    const result = await placard(['manifest', 'merge', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rows_total: at most 1000000 rows/);
  });

  it('refuses a folder whose run did not finish, a malformed manifest, and a folder without one (exit 2)', async () => {
    const unfinished = tempDir();
    const writer = await ManifestWriter.open(unfinished, HEADER, writeSafely);
    await writer.add(entry(0));
    await writer.close();
    const result = await placard(['manifest', 'merge', unfinished]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/did not finish.*--resume/);
    const broken = tempDir();
    writeFileSync(join(broken, 'manifest.json'), '{}');
    expect(await placard(['manifest', 'merge', broken])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/manifest\.json is not a placard manifest/),
    });
    expect(await placard(['manifest', 'merge', tempDir()])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/has no manifest\.json/),
    });
    expect((await placard(['manifest', 'merge', join(tempDir(), 'nope')])).stderr).toMatch(/no such folder or file/);
  });

  it('exits 2 on usage errors: no DIR, an unknown option or subcommand', async () => {
    const none = await placard(['manifest', 'merge']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing required argument 'dir'/);
    expect((await placard(['manifest', 'merge', tempDir(), '--bogus'])).code).toBe(2);
    expect((await placard(['manifest', 'split', tempDir()])).code).toBe(2);
    expect((await placard(['manifest', 'merge', '--help'])).code).toBe(0);
  });
});
