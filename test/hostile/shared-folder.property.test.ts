/**
 * Property tests for batches in folders others share (issue 15): outputs that alias each other or the input,
 * links planted in the output folder, two runs at once, a resume after each kind of input change, and output
 * files that fail. Fixed seed, few runs (each is a real batch), and every run must end in exit 0, 1 or 2 within
 * a bound, with nothing outside the output folder touched.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { BIN } from '../cli/run-placard.js';

const SEED = 20261202;
const BOUND_MS = 60_000;
const root = mkdtempSync(join(tmpdir(), 'placard-hostile-batch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;

const SHEET =
  'id,name,city,contact_name,private_areas,languages\nA1,Alpha,Town,Ana,Kitchen,"en,es"\nA2,Beta,Town,Ana,Kitchen,en\nA3,,Town,,,en\n';

function fresh(): string {
  const dir = join(root, String(counter++));
  mkdirSync(dir);
  writeFileSync(join(dir, 'd.csv'), SHEET);
  return dir;
}

/** Runs `placard batch` in this process, from `dir`, and checks the exit-code contract and the time bound. */
async function batch(dir: string, args: readonly string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIO = { stdout: { write: () => true }, stderr: { write: (chunk) => (stderr += chunk) }, env: {} };
  const started = Date.now();
  const cwd = process.cwd();
  process.chdir(dir);
  let code: number;
  try {
    code = await main(['batch', 'private-areas', '--data', 'd.csv', '--out-dir', 'o', '--quiet', '--jobs', '1', ...args], io);
  } finally {
    process.chdir(cwd);
  }
  expect(code, `placard batch ${args.join(' ')}\n${stderr}`).toBeOneOf([0, 1, 2]);
  expect(Date.now() - started).toBeLessThan(BOUND_MS);
  if (code === 2) expect(stderr).toMatch(/error: /);
  return { code, stderr };
}

/** Every file under dir (links as links) with its bytes, but the output folder's own. */
function outside(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.name !== 'o' && entry.isFile())
      .map((entry) => [entry.name, readFileSync(join(dir, entry.name), 'latin1')]),
  );
}

const BOOKKEEPING = ['manifest.json', 'manifest.jsonl', 'errors.csv', '.manifest.json.lock', 'A1-private-areas.pdf', 'all.pdf'];

describe('hostile batch output folders', () => {
  it('every output path aliasing another output or the input: exit 0, 1 or 2, and the input never changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BOOKKEEPING, 'd.csv'),
        fc.constantFrom(...BOOKKEEPING),
        fc.boolean(),
        async (combined, data, inside) => {
          const dir = fresh();
          mkdirSync(join(dir, 'o'));
          writeFileSync(join(dir, 'o', data), SHEET);
          const dataPath = inside ? `o/${data}` : 'd.csv';
          const before = readFileSync(join(dir, dataPath));
          const combinedPath = combined === 'd.csv' ? 'd.csv' : `o/${combined}`;
          await batch(dir, ['--data', dataPath, '--format', 'csv', '--combined', combinedPath]);
          expect(readFileSync(join(dir, dataPath))).toEqual(before);
        },
      ),
      { seed: SEED, numRuns: 8 },
    );
  }, 600_000);

  it('links planted in the output folder are never written through', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(BOOKKEEPING, { minLength: 1 }), async (names) => {
        const dir = fresh();
        mkdirSync(join(dir, 'o'));
        writeFileSync(join(dir, 'victim'), 'keep me');
        for (const name of names) symlinkSync(join(dir, 'victim'), join(dir, 'o', name));
        const before = outside(dir);
        await batch(dir, ['--combined', 'o/all.pdf']);
        expect(outside(dir)).toEqual(before);
      }),
      { seed: SEED, numRuns: 6 },
    );
  }, 600_000);

  it('two runs at once into one folder: each finishes or is refused by name, and no finished run loses a file', async () => {
    const configs = [['--shard', '1/2'], ['--shard', '2/2'], [], ['--shard', '1/2', '--combined', 'o/c.pdf']] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...configs), fc.constantFrom(...configs), async (first, second) => {
        const dir = fresh();
        const runs = await Promise.all([first, second].map((args) => spawnBatch(dir, args)));
        for (const run of runs) {
          expect(run.code, run.stderr).toBeOneOf([0, 1, 2]);
          if (run.code === 2) expect(run.stderr).toMatch(/another placard batch .* is writing/);
        }
        for (const name of readdirSync(join(dir, 'o')).filter((file) => /^manifest.*\.json$/.test(file))) {
          const manifest = JSON.parse(readFileSync(join(dir, 'o', name), 'utf8')) as { entries: { file: string }[] };
          for (const entry of manifest.entries) expect(existsSync(join(dir, 'o', entry.file)), `${name}: ${entry.file}`).toBe(true);
        }
        expect(readdirSync(join(dir, 'o')).filter((file) => file.endsWith('.tmp') || file.endsWith('.lock'))).toEqual([]);
      }),
      { seed: SEED, numRuns: 4 },
    );
  }, 600_000);

  it('a resume after any kind of input change gives exactly the files a fresh run gives', async () => {
    const font = (weight: string): string => resolve(`node_modules/@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`);
    const change: Record<string, (dir: string) => void> = {
      data: (dir) => writeFileSync(join(dir, 'd.csv'), SHEET.replace('Beta', 'Beta Two')),
      options: () => undefined,
      locales: (dir) => {
        const file = join(dir, 'loc', 'es', 'private-areas.json');
        writeFileSync(file, readFileSync(file, 'utf8').replace('Área privada', 'Zona privada'));
      },
      templates: (dir) => {
        const file = join(dir, 'tpl', 'private-areas', 'template.hbs');
        writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
      },
      fonts: (dir) => copyFileSync(font('700Bold'), join(dir, 'f.ttf')),
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(change)), async (kind) => {
        const dir = fresh();
        cpSync(resolve('locales/es'), join(dir, 'loc', 'es'), { recursive: true });
        cpSync(resolve('templates/private-areas'), join(dir, 'tpl', 'private-areas'), { recursive: true });
        copyFileSync(font('400Regular'), join(dir, 'f.ttf'));
        const common = ['--locales', 'loc', '--templates', 'tpl', '--font', 'f.ttf'];
        await batch(dir, [...common, '--size', 'letter']);
        change[kind]!(dir);
        const after = [...common, '--size', kind === 'options' ? 'a4' : 'letter'];
        await batch(dir, [...after, '--resume']);
        const resumed = pdfBytes(join(dir, 'o'));
        rmSync(join(dir, 'o'), { recursive: true });
        await batch(dir, after);
        expect(resumed).toEqual(pdfBytes(join(dir, 'o')));
      }),
      { seed: SEED, examples: [['locales'], ['templates'], ['fonts']], numRuns: 5 },
    );
  }, 900_000);

  it('an output file that fails (a full disk) is exit 2 with a message, and the run records what it did', async () => {
    if (!existsSync('/dev/full')) return;
    const dir = fresh();
    const { code, stderr } = await batch(dir, ['--combined', '/dev/full']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot write (the combined file )?\/dev\/full/);
    expect(readdirSync(join(dir, 'o')).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

function pdfBytes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.pdf'))
      .sort()
      .map((name) => [name, readFileSync(join(dir, name)).toString('base64')]),
  );
}

function spawnBatch(dir: string, args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    [BIN, 'batch', 'private-areas', '--data', 'd.csv', '--out-dir', 'o', '--quiet', '--jobs', '1', ...args],
    { cwd: dir },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stderr })));
}
