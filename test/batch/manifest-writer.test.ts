import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPrevious } from '../../src/batch/load-previous.js';
import { parseManifest } from '../../src/batch/manifest.js';
import { ManifestWriter } from '../../src/batch/manifest-writer.js';
import { writeSafely } from '../../src/write/safe-output.js';
import { entry, HEADER, tempDir } from './manifest-fixtures.js';

const read = (file: string): string => readFileSync(file, 'utf8');

describe('ManifestWriter', () => {
  it('writes this run’s header at once, so no journal sits beside another run’s header', async () => {
    const dir = tempDir();
    const writer = await ManifestWriter.open(dir, HEADER, writeSafely);
    expect(parseManifest(read(join(dir, 'manifest.json')), 'm')).toEqual({ ...HEADER, entries: [], failed: [] });
    expect(read(join(dir, 'manifest.jsonl'))).toBe('');
    await writer.close();
  });

  it('gives the same manifest.json whatever order rows finish in', async () => {
    const finished = async (order: number[]): Promise<string> => {
      const dir = tempDir();
      const writer = await ManifestWriter.open(dir, HEADER, writeSafely);
      // Not awaited one by one: calls queue, as a runner's worker callbacks would.
      await Promise.all(order.map((index) => (index === 3 ? writer.fail({ row: 5, index: 3, name: 'Bad' }) : writer.add(entry(index)))));
      await writer.finish(5);
      expect(existsSync(join(dir, 'manifest.jsonl'))).toBe(false);
      return read(join(dir, 'manifest.json'));
    };
    const first = await finished([0, 1, 2, 3, 4]);
    expect(await finished([4, 2, 3, 0, 1])).toBe(first);
    const manifest = parseManifest(first, 'm');
    expect(manifest.rows_total).toBe(5);
    expect(manifest.entries.map((row) => row.index)).toEqual([0, 1, 2, 4]);
    expect(manifest.failed).toEqual([{ row: 5, index: 3, name: 'Bad' }]);
  });

  it('keeps rows finished before a stop in the journal, and loadPrevious finds them all', async () => {
    const dir = tempDir();
    const writer = await ManifestWriter.open(dir, HEADER, writeSafely);
    for (const index of [0, 1, 2]) await writer.add(entry(index));
    await writer.close();
    expect(parseManifest(read(join(dir, 'manifest.json')), 'm').entries).toEqual([]);
    expect(loadPrevious(dir).manifest?.entries).toEqual([entry(0), entry(1), entry(2)]);
  });

  it('only appends while rows finish: manifest.json is written at the start and once at the end, never in between', async () => {
    const dir = tempDir();
    const writer = await ManifestWriter.open(dir, HEADER, writeSafely);
    const start = statSync(join(dir, 'manifest.json')).ino;
    for (let index = 0; index < 50; index++) await writer.add(entry(index));
    expect(statSync(join(dir, 'manifest.json')).ino).toBe(start);
    expect(parseManifest(read(join(dir, 'manifest.json')), 'm').entries).toEqual([]);
    expect(read(join(dir, 'manifest.jsonl')).split('\n')).toHaveLength(51);
    await writer.close();
    expect(loadPrevious(dir).manifest?.entries.map((row) => row.index)).toEqual([...Array(50).keys()]);
  });

  it('writes what is done, without rows_total, when finished early (a run stopped by a signal)', async () => {
    const dir = tempDir();
    const writer = await ManifestWriter.open(dir, HEADER, writeSafely);
    await writer.add(entry(1));
    await writer.fail({ row: 2, index: 0 });
    await writer.finish();
    const manifest = parseManifest(read(join(dir, 'manifest.json')), 'm');
    expect(manifest.rows_total).toBeUndefined();
    expect(manifest.entries).toEqual([entry(1)]);
    expect(manifest.failed).toEqual([{ row: 2, index: 0 }]);
    expect(existsSync(join(dir, 'manifest.jsonl'))).toBe(false);
  });

  it('a later record for a row replaces the earlier one (a failed row fixed and made)', async () => {
    const dir = tempDir();
    const writer = await ManifestWriter.open(dir, HEADER, writeSafely);
    await writer.fail({ row: 2, index: 0 });
    await writer.add(entry(0));
    await writer.finish(1);
    const manifest = parseManifest(read(join(dir, 'manifest.json')), 'm');
    expect(manifest.failed).toEqual([]);
    expect(manifest.entries).toEqual([entry(0)]);
  });

  it('loses no finished row when its process is killed with SIGKILL mid-run', async () => {
    const dir = tempDir();
    const script = `
      const { ManifestWriter } = await import(${JSON.stringify(resolve('dist/batch/manifest-writer.js'))});
      const { writeSafely } = await import(${JSON.stringify(resolve('dist/write/safe-output.js'))});
      const header = JSON.parse(process.argv[1]);
      const writer = await ManifestWriter.open(process.argv[2], header, writeSafely);
      for (let index = 0; ; index += 1) {
        await writer.add({ row: index + 2, index, name: 'B' + index, file: 'b' + index + '.pdf', sha256: 'a'.repeat(64),
          template: 'private-areas', languages: ['en'], warnings: [], record_sha256: 'b'.repeat(64) });
        process.stdout.write(index + '\\n');
      }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(HEADER), dir]);
    let acknowledged = 0;
    await new Promise<void>((done) => {
      child.stdout.on('data', (chunk: Buffer) => {
        acknowledged += chunk.toString().split('\n').length - 1;
        if (acknowledged >= 400 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => done());
    });
    const previous = loadPrevious(dir);
    const indexes = previous.manifest!.entries.map((row) => row.index);
    expect(indexes.length).toBeGreaterThanOrEqual(acknowledged);
    expect(indexes).toEqual(indexes.map((_, position) => position));
    expect(previous.warnings.length).toBeLessThanOrEqual(1);
  });
});

describe('ManifestWriter and links', () => {
  it('replaces a link planted at the journal name instead of writing through it', async () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(dir, 'manifest.jsonl'));
    const writer = await ManifestWriter.open(dir, HEADER, writeSafely);
    await writer.add(entry(0));
    await writer.close();
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'manifest.jsonl')).isFile()).toBe(true);
  });
});
