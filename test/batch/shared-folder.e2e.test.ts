import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFiles } from '../../src/batch/out-dir.js';
import { BIN, placard, placardIn, tempDir } from '../cli/run-placard.js';

/** A small sheet: `count` rows, every third one in English and Spanish, the others in English only. */
function sheet(count: number, broken: readonly number[] = []): string {
  const lines = ['id,name,city,contact_name,private_areas,languages'];
  for (let i = 0; i < count; i++) {
    lines.push(broken.includes(i) ? `b${i},,Town,,,en` : `s${i},Shop ${i},Town,Ana,Kitchen,"${i % 3 === 0 ? 'en,es' : 'en'}"`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `placard batch` in this process, from `dir`; the cases about the process itself (signals, a live lock) start the bin.
 * With --jobs 1: none of these cases is about parallelism, and a run of more jobs starts a worker thread that loads placard
 * and prepares a session again (about 0.5–1 s of CPU a run). The two shards at once start real processes.
 */
const batch = (dir: string, ...args: string[]) =>
  placardIn(['batch', 'private-areas', '--data', 'd.csv', '--out-dir', 'o', '--quiet', '--jobs', '1', ...args], { cwd: dir });

function setUp(count = 4, broken: readonly number[] = []): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'd.csv'), sheet(count, broken));
  return dir;
}

/** Starts a batch in the background; resolves with its exit code and stderr. */
function start(
  dir: string,
  args: readonly string[],
): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, 'batch', 'private-areas', '--data', 'd.csv', '--out-dir', 'o', ...args], { cwd: dir });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, done: new Promise((done) => child.on('close', (code) => done({ code, stderr }))) };
}

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((wait) => setTimeout(wait, 50));
}

const pdfs = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.pdf')) : []);

describe('placard batch in a shared folder', () => {
  it('two shards running at once into one folder both finish, with every PDF and both combined files', async () => {
    const dir = setUp(24);
    mkdirSync(join(dir, 'o'));
    const one = start(dir, ['--shard', '1/2', '--combined', 'o/s1.pdf', '--jobs', '1', '--quiet']);
    const two = start(dir, ['--shard', '2/2', '--combined', 'o/s2.pdf', '--jobs', '1', '--quiet']);
    const [a, b] = await Promise.all([one.done, two.done]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(pdfs(join(dir, 'o')).sort()).toEqual(
      [...[...Array(24).keys()].map((i) => `s${i}-private-areas.pdf`), 's1.pdf', 's2.pdf'].sort(),
    );
    expect(readdirSync(join(dir, 'o')).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 180_000);

  it("sweeps only its own run's leftover temporary files, never another shard's", async () => {
    const dir = setUp(2);
    mkdirSync(join(dir, 'o'));
    const own = `.s0-private-areas.pdf.${runFiles('o').tempTag}-0123456789ab.tmp`;
    const other = `.s1-private-areas.pdf.${runFiles('o', { k: 1, n: 2 }).tempTag}-0123456789ab.tmp`;
    writeFileSync(join(dir, 'o', own), 'left by a killed run');
    writeFileSync(join(dir, 'o', other), 'being written by a shard');
    expect((await batch(dir)).code).toBe(0);
    expect(existsSync(join(dir, 'o', own))).toBe(false);
    expect(readFileSync(join(dir, 'o', other), 'utf8')).toBe('being written by a shard');
  }, 60_000);

  it('refuses a second run writing the same manifest while the first holds its lock (exit 2), and takes over a dead run’s lock', () => {
    const dir = setUp(2);
    mkdirSync(join(dir, 'o'));
    const lock = join(dir, 'o', '.manifest.json.lock');
    // The lock names this test's process as the live other run, so the batch runs in a process of its own.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), template: 'staff-only' }));
    const refused = placard(['batch', 'private-areas', '--data', 'd.csv', '--out-dir', 'o', '--quiet'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/another placard batch \(staff-only, pid \d+ on .*\) is writing o\/manifest\.json/);
    expect(pdfs(join(dir, 'o'))).toEqual([]);
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), template: 'private-areas' }));
    const taken = placard(['batch', 'private-areas', '--data', 'd.csv', '--out-dir', 'o'], { cwd: dir });
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toMatch(/was left by a run that is gone/);
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  it('refuses to replace the manifest of a run of another template in the same folder (exit 2)', async () => {
    const dir = setUp(2);
    expect(
      (await placardIn(['batch', 'staff-only', '--data', 'd.csv', '--out-dir', 'o', '--quiet', '--jobs', '1'], { cwd: dir })).code,
    ).toBe(0);
    const before = readFileSync(join(dir, 'o', 'manifest.json'));
    const run = await batch(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/o\/manifest\.json records a run of staff-only; a run of private-areas would replace it/);
    expect(readFileSync(join(dir, 'o', 'manifest.json'))).toEqual(before);
  }, 60_000);

  it('refuses bookkeeping files as the input or the combined file, before touching anything (exit 2)', async () => {
    const dir = setUp(2);
    expect((await batch(dir)).code).toBe(0);
    const manifest = readFileSync(join(dir, 'o', 'manifest.json'));
    const combined = await batch(dir, '--combined', 'o/manifest.json');
    expect(combined.code).toBe(2);
    expect(combined.stderr).toMatch(/--combined o\/manifest\.json is a file placard batch keeps/);
    expect(readFileSync(join(dir, 'o', 'manifest.json'))).toEqual(manifest);
    for (const name of ['errors.csv', 'manifest.jsonl']) {
      writeFileSync(join(dir, 'o', name), sheet(2));
      const run = await placardIn(['batch', 'private-areas', '--data', `o/${name}`, '--format', 'csv', '--out-dir', 'o', '--jobs', '1'], {
        cwd: dir,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`--data o/${name.replace('.', '\\.')} is a file placard batch writes`));
      expect(readFileSync(join(dir, 'o', name), 'utf8')).toBe(sheet(2));
    }
  }, 60_000);

  it('checks a bad --combined before the previous manifest is touched: a folder, the input, a read-only file', async () => {
    const dir = setUp(2);
    expect((await batch(dir)).code).toBe(0);
    const manifest = readFileSync(join(dir, 'o', 'manifest.json'));
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'ro.pdf'), 'x');
    chmodSync(join(dir, 'ro.pdf'), 0o444);
    for (const combined of ['folder', 'd.csv', 'ro.pdf', 'missing/all.pdf']) {
      const run = await batch(dir, '--resume', '--combined', combined);
      expect(run.code, combined).toBe(2);
      expect(readFileSync(join(dir, 'o', 'manifest.json'))).toEqual(manifest);
    }
  }, 60_000);

  it('replaces links planted in the output folder instead of writing through them', async () => {
    const dir = setUp(2, [1]);
    mkdirSync(join(dir, 'o'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    for (const name of ['s0-private-areas.pdf', 'manifest.json', 'errors.csv', 'manifest.jsonl']) symlinkSync(victim, join(dir, 'o', name));
    const run = await batch(dir);
    expect(run.code, run.stderr).toBe(1);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    for (const name of ['s0-private-areas.pdf', 'manifest.json', 'errors.csv'])
      expect(lstatSync(join(dir, 'o', name)).isFile(), name).toBe(true);
  }, 60_000);

  it('never reads a FIFO planted at the manifest, journal or lock (it would wait for ever): taken over or refused by name', async () => {
    const dir = setUp(2);
    mkdirSync(join(dir, 'o'));
    for (const name of ['manifest.json', 'manifest.jsonl', '.manifest.json.lock']) execFileSync('mkfifo', [join(dir, 'o', name)]);
    // The lock and journal are taken over; a FIFO where the manifest goes is refused by name (exit 2), never waited on.
    const run = await batch(dir, '--resume');
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/cannot write o\/manifest\.json: it is a FIFO that no program is reading/);
    expect(existsSync(join(dir, 'o', '.manifest.json.lock'))).toBe(false);
  }, 60_000);

  it('an unremovable leftover temporary file is exit 2 naming it, not a bug', async () => {
    const dir = setUp(2);
    mkdirSync(join(dir, 'o', `.x.pdf.${runFiles('o').tempTag}-0123456789ab.tmp`), { recursive: true });
    writeFileSync(join(dir, 'o', `.x.pdf.${runFiles('o').tempTag}-0123456789ab.tmp`, 'inside'), 'x');
    const run = await batch(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot remove .*\.x\.pdf\.[0-9a-f]{8}-0123456789ab\.tmp, a temporary file an earlier run left/);
  }, 60_000);
});

describe('placard batch stopped by a signal', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal}: records what is done (manifest, errors.csv), removes its temporary files, says how to finish, exits ${code}`, async () => {
      const dir = setUp(60, [0]);
      const run = start(dir, ['--jobs', '1', '--combined', 'all.pdf']);
      await until(() => pdfs(join(dir, 'o')).length >= 3);
      run.child.kill(signal);
      const { code: exit, stderr } = await run.done;
      expect(exit, stderr).toBe(code);
      expect(stderr).toMatch(/rerun with --resume to finish/);
      expect(stderr).toMatch(/made \d+, failed 1/);
      const manifest = JSON.parse(readFileSync(join(dir, 'o', 'manifest.json'), 'utf8')) as { rows_total?: number; entries: unknown[] };
      expect(manifest.rows_total).toBeUndefined();
      expect(manifest.entries.length).toBeGreaterThanOrEqual(3);
      expect(readFileSync(join(dir, 'o', 'errors.csv'), 'utf8')).toMatch(/\r\n2,b0,/);
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(existsSync(join(dir, 'all.pdf'))).toBe(false);
      const resumed = await placardIn(
        ['batch', 'private-areas', '--data', 'd.csv', '--out-dir', 'o', '--resume', '--quiet', '--jobs', '1'],
        {
          cwd: dir,
        },
      );
      expect(resumed.code).toBe(1);
      expect(pdfs(join(dir, 'o'))).toHaveLength(59);
    }, 180_000);
  }
});

describe('placard batch: problems of one row stay that row’s', () => {
  it('a row whose language lacks a string is still made, that string in English, with a warning; it never stops the batch', async () => {
    // A missing translation prints in English and is reported (issue 15 item 5), so it is no row problem at all.
    const dir = setUp(4);
    cpSync(resolve('locales/es'), join(dir, 'loc', 'es'), { recursive: true });
    const strings = join(dir, 'loc', 'es', 'private-areas.json');
    const tree = JSON.parse(readFileSync(strings, 'utf8')) as Record<string, string>;
    delete tree.warrant;
    writeFileSync(strings, JSON.stringify(tree));
    const run = await batch(dir, '--locales', 'loc');
    expect(run.code, run.stderr).toBe(0);
    expect(pdfs(join(dir, 'o')).sort()).toEqual([
      's0-private-areas.pdf',
      's1-private-areas.pdf',
      's2-private-areas.pdf',
      's3-private-areas.pdf',
    ]);
    expect(readFileSync(join(dir, 'o', 'manifest.json'), 'utf8')).toMatch(/the es translation has no text for .*warrant.*in English/);
  }, 60_000);
});

describe('placard batch --resume and content', () => {
  // Real processes: placard keeps templates and locales it has read for the life of the process, and here they change between runs.
  it('re-renders exactly the notices whose translation or template changed', () => {
    const dir = setUp(6);
    cpSync(resolve('locales/es'), join(dir, 'loc', 'es'), { recursive: true });
    cpSync(resolve('templates/private-areas'), join(dir, 'tpl', 'private-areas'), { recursive: true });
    const args = ['--locales', 'loc', '--templates', 'tpl', '--resume'];
    expect(placard(['batch', 'private-areas', '--data', 'd.csv', '--out-dir', 'o', '--quiet', ...args], { cwd: dir }).code).toBe(0);
    const strings = join(dir, 'loc', 'es', 'private-areas.json');
    writeFileSync(
      strings,
      readFileSync(strings, 'utf8').replace('Por favor, pregunte por el gerente.', 'Pregunte por el gerente, por favor.'),
    );
    const afterLocale = placard(['batch', 'private-areas', '--data', 'd.csv', '--out-dir', 'o', ...args], { cwd: dir });
    expect(afterLocale.code, afterLocale.stderr).toBe(0);
    expect(afterLocale.stderr).toMatch(/the es translation changed since the earlier run/);
    expect(afterLocale.stderr).toMatch(/made 2, failed 0, skipped 4/);
    const template = join(dir, 'tpl', 'private-areas', 'template.hbs');
    writeFileSync(template, `${readFileSync(template, 'utf8')}\n`);
    const afterTemplate = placard(['batch', 'private-areas', '--data', 'd.csv', '--out-dir', 'o', ...args], { cwd: dir });
    expect(afterTemplate.stderr).toMatch(/the template changed since the earlier run/);
    expect(afterTemplate.stderr).toMatch(/made 6, failed 0, skipped 0/);
  }, 120_000);
});
