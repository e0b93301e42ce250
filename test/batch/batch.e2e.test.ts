import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BIN, placardIn as placard, tempDir } from '../cli/run-placard.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { folderHashes } from '../helpers/folder-hashes.js';

const FIXTURE = 'test/fixtures/businesses.csv';
/**
 * For runs whose subject is not parallelism: --jobs 1 renders in this thread instead of starting a worker thread that
 * loads placard and prepares a session again for each run (about 0.5–1 s of CPU a run). Output never depends on --jobs
 * (checked here with --jobs 1 against --jobs 2); the 300-row run and the killed runs keep the default and --jobs 2.
 */
const ONE_JOB = ['--jobs', '1'] as const;
const HEADER = 'id,name,city,contact_name,private_areas,languages,phone';

/** A city sheet: `count` rows, with broken rows at the given 0-based positions, plus columns placard does not use. */
function citySheet(count: number, broken: ReadonlyMap<number, string> = new Map()): string {
  const lines = [`${HEADER},ward,notes`];
  for (let i = 0; i < count; i++) {
    const bad = broken.get(i);
    lines.push(bad ?? `c${i},Shop ${i} Café,Minneapolis,Ana ${i},Kitchen;Office,"en,es",612-555-${String(i).padStart(4, '0')},${i % 13},`);
  }
  return `${lines.join('\n')}\n`;
}

/** Every file in a folder (not manifest journals) with the sha256 of its bytes. */
const hashes = (dir: string): Record<string, string> => folderHashes(dir, (name) => !name.startsWith('.'));

function errorsCsv(dir: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, 'errors.csv'), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
}

describe('placard batch', () => {
  it('renders the good rows of a 300-row sheet, lists exactly the broken rows, and exits 1', async () => {
    const dir = tempDir();
    const broken = new Map([
      [4, 'c4,,Minneapolis,,,en,'],
      [57, 'c57,Shop 57,Minneapolis,Ana,Kitchen,"en,xx-Nowhere",'],
      [120, `c120,${'N'.repeat(120)},Minneapolis,Ana,Kitchen,en,`],
      [201, 'c201,Shop\u0007 201,Minneapolis,Ana,Kitchen,en,'],
      [299, 'c299,Shop 299,Minneapolis,Ana,Kitchen,en,not-a-phone-but-far-too-long-to-be-one-anyway-really'],
    ]);
    writeFileSync(join(dir, 'city.csv'), citySheet(300, broken));
    const run = await placard(['batch', 'private-areas', '--data', 'city.csv', '--out-dir', 'out', '--quiet'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    const out = join(dir, 'out');
    const pdfs = readdirSync(out).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(295);
    expect(errorsCsv(out).map((line) => [line.row, line.id, line.field])).toEqual([
      ['6', 'c4', 'name'],
      ['59', 'c57', 'languages'],
      ['122', 'c120', 'name'],
      ['203', 'c201', 'name'],
      ['301', 'c299', 'phone'],
    ]);
    expect(run.stderr).toMatch(/columns placard does not use are ignored: "ward", "notes"/);
    expect(run.stderr.match(/^error: row/gm)).toHaveLength(5);
    expect(run.stderr).toMatch(/made 295, failed 5, skipped 0/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { entries: { row: number; file: string }[] };
    expect(manifest.entries).toHaveLength(295);
    expect(manifest.entries[0]).toMatchObject({ row: 2, file: 'c0-private-areas.pdf' });
  }, 240_000);

  it('gives the same files with --jobs 1 and --jobs 2, and with the fixture sheet, exactly its three bad rows', async () => {
    const [one, two] = [tempDir(), tempDir()];
    const a = await placard(['batch', 'private-areas', '--data', FIXTURE, '--out-dir', join(one, 'out'), '--jobs', '1', '--quiet']);
    const b = await placard(['batch', 'private-areas', '--data', FIXTURE, '--out-dir', join(two, 'out'), '--jobs', '2', '--quiet']);
    expect([a.code, b.code]).toEqual([1, 1]);
    expect(hashes(join(one, 'out'))).toEqual(hashes(join(two, 'out')));
    expect(errorsCsv(join(one, 'out')).map((line) => [line.row, line.field])).toEqual([
      ['8', 'name'],
      ['11', 'languages'],
      ['13', 'rights_url'],
    ]);
  }, 120_000);

  it('makes the same PDFs from an XLSX workbook as from the CSV it holds', async () => {
    const dir = tempDir();
    const rows = parse(readFileSync(FIXTURE, 'utf8'), { columns: true }) as Record<string, string>[];
    const header = Object.keys(rows[0]!);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Businesses');
    sheet.addRow(header);
    for (const row of rows) {
      const added = sheet.addRow(header.map((key) => (row[key] === '' ? null : key === 'postal_code' ? Number(row[key]) : row[key])));
      if (row.postal_code!.startsWith('0')) added.getCell(header.indexOf('postal_code') + 1).numFmt = '00000';
    }
    await book.xlsx.writeFile(join(dir, 'businesses.xlsx'));
    const fromCsv = await placard(['batch', 'private-areas', '--data', FIXTURE, '--out-dir', join(dir, 'csv'), '--quiet', ...ONE_JOB]);
    const fromXlsx = await placard([
      'batch',
      'private-areas',
      '--data',
      join(dir, 'businesses.xlsx'),
      '--out-dir',
      join(dir, 'xlsx'),
      '--quiet',
      ...ONE_JOB,
    ]);
    expect([fromCsv.code, fromXlsx.code]).toEqual([1, 1]);
    const pdfs = (folder: string) =>
      Object.fromEntries(Object.entries(hashes(join(dir, folder))).filter(([name]) => name.endsWith('.pdf')));
    expect(Object.keys(pdfs('xlsx'))).toHaveLength(9);
    expect(pdfs('xlsx')).toEqual(pdfs('csv'));
  }, 120_000);

  it('names two rows of the same business apart, whatever their case', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'twins.csv'), "name,city\nJoe's Cafe,A\nJOE'S CAFE,B\nJoe’s Café,C\n");
    expect(
      (await placard(['batch', 'private-areas', '--data', 'twins.csv', '--out-dir', 'out', '--quiet', ...ONE_JOB], { cwd: dir })).code,
    ).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.pdf'))).toEqual([
      'joe-s-cafe-2-private-areas.pdf',
      'joe-s-cafe-3-private-areas.pdf',
      'joe-s-cafe-private-areas.pdf',
    ]);
  }, 60_000);

  it('writes a combined file in input order with one bookmark per business and each font once', async () => {
    const dir = tempDir();
    const run = await placard([
      'batch',
      'private-areas',
      '--data',
      FIXTURE,
      '--out-dir',
      join(dir, 'out'),
      '--combined',
      join(dir, 'all.pdf'),
      '--quiet',
      ...ONE_JOB,
    ]);
    expect(run.code).toBe(1);
    const pdf = await readPdf(new Uint8Array(readFileSync(join(dir, 'all.pdf'))), { fonts: true });
    // Every notice's pages, in order (a door sign whose key line needs it gives each language its own page).
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { entries: { file: string }[] };
    let pages = 0;
    for (const entry of manifest.entries) pages += (await readPdf(new Uint8Array(readFileSync(join(dir, 'out', entry.file))))).pageCount;
    expect(pdf.pageCount).toBe(pages);
    const names = [
      'Lake Street Tortillería',
      'Xawaash Grill & Café',
      'Phở Bình Minh',
      'مخبز الأندلس Bakery 24',
      'Joe\'s "Best" Pizza <&> Subs',
    ];
    expect(pdf.outline.slice(0, 5)).toEqual(names);
    expect(pdf.outline).toHaveLength(9);
    expect(pdf.pages[0]!.text).toContain('Lake Street Tortillería');
    expect(pdf.text).toContain('Phở Bình Minh');
    const fontNames = pdf.fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    expect(new Set(fontNames).size).toBe(fontNames.length);
  }, 120_000);

  it('merged shards equal one unsharded run', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'city.csv'), citySheet(12));
    const whole = await placard(['batch', 'private-areas', '--data', 'city.csv', '--out-dir', 'whole', '--quiet', ...ONE_JOB], {
      cwd: dir,
    });
    expect(whole.code).toBe(0);
    mkdirSync(join(dir, 'shards'));
    for (const k of [1, 2, 3]) {
      const run = await placard(
        ['batch', 'private-areas', '--data', 'city.csv', '--out-dir', 'shards', '--shard', `${k}/3`, '--quiet', ...ONE_JOB],
        {
          cwd: dir,
        },
      );
      expect(run.code, run.stderr).toBe(0);
    }
    const merged = await placard(['manifest', 'merge', 'shards', '-o', 'shards/manifest.json'], { cwd: dir });
    expect(merged.code, merged.stderr).toBe(0);
    const pdfs = (folder: string) =>
      Object.fromEntries(Object.entries(hashes(join(dir, folder))).filter(([name]) => name.endsWith('.pdf')));
    expect(pdfs('shards')).toEqual(pdfs('whole'));
    expect(readFileSync(join(dir, 'shards', 'manifest.json'), 'utf8')).toBe(readFileSync(join(dir, 'whole', 'manifest.json'), 'utf8'));
  }, 180_000);
});

describe('placard batch: killed and resumed', () => {
  /** Starts a batch and kills it with SIGKILL once `files` PDFs are in place (or it ends). */
  function killAfter(cwd: string, files: number): Promise<void> {
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [BIN, 'batch', 'private-areas', '--data', 'city.csv', '--out-dir', 'out', '--quiet', '--jobs', '2'],
        {
          cwd,
          stdio: 'ignore',
        },
      );
      const timer = setInterval(() => {
        const out = join(cwd, 'out');
        const made = existsSync(out) ? readdirSync(out).filter((name) => name.endsWith('.pdf')).length : 0;
        if (made >= files) child.kill('SIGKILL');
      }, 5);
      child.on('exit', () => {
        clearInterval(timer);
        resolve();
      });
    });
  }

  it('ends with exactly the files of an uninterrupted run, byte for byte, and no temporary file', async () => {
    const clean = tempDir();
    writeFileSync(join(clean, 'city.csv'), citySheet(40));
    const cleanRun = ['batch', 'private-areas', '--data', 'city.csv', '--out-dir', 'out', '--quiet', ...ONE_JOB];
    expect((await placard(cleanRun, { cwd: clean })).code).toBe(0);
    for (const files of [0, 3, 17, 33]) {
      const dir = tempDir();
      writeFileSync(join(dir, 'city.csv'), citySheet(40));
      await killAfter(dir, files);
      const resumed = await placard(
        ['batch', 'private-areas', '--data', 'city.csv', '--out-dir', 'out', '--resume', '--quiet', ...ONE_JOB],
        {
          cwd: dir,
        },
      );
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(hashes(join(dir, 'out'))).toEqual(hashes(join(clean, 'out')));
      expect(readdirSync(join(dir, 'out')).filter((name) => name.startsWith('.') || name.endsWith('.jsonl'))).toEqual([]);
    }
  }, 300_000);

  it('renders again only what changed, and says why', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'city.csv'), citySheet(6));
    expect(
      (await placard(['batch', 'private-areas', '--data', 'city.csv', '--out-dir', 'out', '--quiet', ...ONE_JOB], { cwd: dir })).code,
    ).toBe(0);
    writeFileSync(join(dir, 'city.csv'), citySheet(6).replace('Shop 3 Café', 'Shop Three Café'));
    const run = await placard(['batch', 'private-areas', '--data', 'city.csv', '--out-dir', 'out', '--resume', ...ONE_JOB], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/the input changed since the earlier run/);
    expect(run.stderr).toMatch(/made 1, failed 0, skipped 5/);
  }, 120_000);
});

describe('placard batch: usage errors', () => {
  it('names a missing data file (exit 2) and creates nothing', async () => {
    const dir = tempDir();
    const run = await placard(['batch', 'private-areas', '--data', 'nope.csv', '--out-dir', 'out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read data file nope.csv: no such file');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a --map naming no business field (exit 2) before it creates the output folder', async () => {
    const dir = tempDir();
    const run = await placard(['batch', 'private-areas', '--data', resolve(FIXTURE), '--map', 'bogus=Name', '--out-dir', 'out'], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--map bogus=…: "bogus" is not a business field');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a bad --jobs or --shard (exit 2)', async () => {
    expect((await placard(['batch', 'private-areas', '--data', FIXTURE, '--out-dir', tempDir(), '--jobs', '0'])).code).toBe(2);
    expect((await placard(['batch', 'private-areas', '--data', FIXTURE, '--out-dir', tempDir(), '--shard', '4/3'])).code).toBe(2);
  });
});
