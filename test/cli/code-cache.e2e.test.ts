import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placard, tempDir } from './run-placard.js';

const ARGS = ['render', 'private-areas', '--set', 'name=Cache', '--lang', 'en,es'];

/** The real bin, with its cache folder under `home` (XDG_CACHE_HOME) and the PDF at `out`. */
function render(home: string, out: string, env: Record<string, string> = {}) {
  // A run that hangs (a cache file it waits on) fails here, not the whole test run.
  const run = placard([...ARGS, '-o', out], { env: { XDG_CACHE_HOME: home, PLACARD_NO_CACHE: '', ...env }, timeout: 120_000 });
  expect(run.code, run.stderr).toBe(0);
  return readFileSync(out);
}

/** Files in the code cache folder, if any. */
function cached(home: string): string[] {
  try {
    return readdirSync(join(home, 'placard'));
  } catch {
    return [];
  }
}

describe('bin/placard.js: the code cache (bin/load-bundle.js)', () => {
  it('writes the cache after a render and gives the same bytes with it as without', () => {
    const dir = tempDir();
    const first = render(dir, join(dir, 'first.pdf'));
    expect(cached(dir).sort()).toEqual([
      expect.stringMatching(/^code-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+-render\.bin$/),
      expect.stringMatching(/^kept-[0-9a-f]{16}-fit-hints\.json$/),
    ]);
    const second = render(dir, join(dir, 'second.pdf'));
    expect(second.equals(first)).toBe(true);
  });

  it('renders as usual from a cache file that is not V8’s, and replaces it', () => {
    const dir = tempDir();
    const reference = render(dir, join(dir, 'reference.pdf'));
    const name = cached(dir).find((file) => file.startsWith('code-'));
    writeFileSync(join(dir, 'placard', name!), 'not a code cache');
    expect(render(dir, join(dir, 'again.pdf')).equals(reference)).toBe(true);
    expect(readFileSync(join(dir, 'placard', name!)).length).toBeGreaterThan(1000);
  });

  it('writes nothing with PLACARD_NO_CACHE, and a cache folder it cannot write stops nothing', () => {
    const dir = tempDir();
    render(dir, join(dir, 'off.pdf'), { PLACARD_NO_CACHE: '1' });
    expect(cached(dir)).toEqual([]);
    const blocked = join(dir, 'blocked');
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'placard'), 'a file where the folder would be');
    chmodSync(blocked, 0o500);
    render(blocked, join(dir, 'blocked.pdf'));
    expect(readFileSync(join(blocked, 'placard'), 'utf8')).toBe('a file where the folder would be');
  });
});

describe('bin/placard.js render: the fit hints it keeps (src/layout/fit-hints.ts)', () => {
  const OTHER = ['render', 'private-areas', '--set', 'name=مخبز الأندلس 福满楼', '--lang', 'ar,zh-Hans'];

  it('keeps where each kind of page fitted, and gives the same bytes from any hints file or none', () => {
    const dir = tempDir();
    const reference = render(dir, join(dir, 'reference.pdf'));
    const file = join(
      dir,
      'placard',
      cached(dir).find((name) => name.startsWith('kept-'))!,
    );
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { version: number; steps: [string, number][] };
    expect(kept.steps.map(([kind]) => kind)).toContainEqual(expect.stringMatching(/^en 612x792 /));
    // Another notice's kinds are added to them: one file for every render.
    const other = placard([...OTHER, '-o', join(dir, 'other.pdf')], { env: { XDG_CACHE_HOME: dir, PLACARD_NO_CACHE: '' } });
    expect(other.code, other.stderr).toBe(0);
    const both = JSON.parse(readFileSync(file, 'utf8')) as { steps: [string, number][] };
    expect(both.steps.slice(0, kept.steps.length)).toEqual(kept.steps);
    expect(both.steps.map(([kind]) => kind)).toContainEqual(expect.stringMatching(/^ar 612x792 /));
    const steps = (step: number) => `${JSON.stringify({ version: 1, steps: kept.steps.map(([kind]) => [kind, step]) })}\n`;
    for (const text of [steps(0), steps(1024), steps(7), '{"version":1,"steps":[["', '\u0000'.repeat(5000), 'x'.repeat(2_000_000)]) {
      writeFileSync(file, text);
      expect(render(dir, join(dir, 'again.pdf')).equals(reference)).toBe(true);
      // Replaced by what this render found, whole.
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 });
    }
  });

  it('a folder or a FIFO where a kept file or the code cache would be stops nothing and hangs nothing', () => {
    const dir = tempDir();
    const reference = render(dir, join(dir, 'reference.pdf'));
    const names = cached(dir);
    for (const name of names) {
      const path = join(dir, 'placard', name);
      rmSync(path);
      mkdirSync(path);
      expect(render(dir, join(dir, 'folder.pdf')).equals(reference)).toBe(true);
      rmSync(path, { recursive: true });
      // Read without waiting: a FIFO no one writes to would block a plain read for ever.
      execFileSync('mkfifo', [path]);
      expect(render(dir, join(dir, 'fifo.pdf')).equals(reference)).toBe(true);
      rmSync(path, { force: true });
    }
    expect(cached(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('bin/placard.js batch: the workers’ code cache (src/batch/worker-loop.ts)', () => {
  const ROWS = 480;
  it('a worker keeps its own cache once it has rendered a few rows, and the next batch gives the same PDFs with it', () => {
    const dir = tempDir();
    const rows = ['id,name,contact_name,private_areas'];
    // Enough rows that the worker, which starts while the main thread renders, gets more than the eight it keeps after,
    // even with the other test files busy on the cores (120 rows were not, in a full run on a fresh clone: the main
    // thread, warm and fitting each page in one attempt, had done nearly all of them before the worker was ready).
    for (let i = 1; i <= ROWS; i++) rows.push(`r${i},Bakery ${i},Rosa ${i},Kitchen;Office`);
    writeFileSync(join(dir, 'rows.csv'), `${rows.join('\n')}\n`);
    const batch = (out: string) => {
      const args = ['batch', 'private-areas', '--data', join(dir, 'rows.csv'), '--out-dir', join(dir, out), '--jobs', '2', '--quiet'];
      const run = placard(args, { env: { XDG_CACHE_HOME: dir, PLACARD_NO_CACHE: '' } });
      expect(run.code, run.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(dir, out, 'manifest.json'), 'utf8')) as { entries: { sha256?: string }[] };
      return manifest.entries.map((entry) => entry.sha256);
    };
    const first = batch('first');
    expect(cached(dir)).toContainEqual(expect.stringMatching(/^code-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+-worker\.bin$/));
    expect(first).toHaveLength(ROWS);
    expect(batch('second')).toEqual(first);
  });
});
