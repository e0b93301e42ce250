import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { TemplateError, UsageError, type Problem } from '../errors.js';
import { PLACARD_VERSION } from '../paths.js';
import { openRows, type RowFormat } from '../read/rows/read-rows.js';
import type { SessionOptions, Warning } from '../request.js';
import { prepare } from '../session/prepare.js';
import { writeSafely } from '../write/safe-output.js';
import { CombinedFile } from './combined-file.js';
import { rowErrors, writeErrorsCsv, type RowError } from './errors-csv.js';
import { FileNamer } from './file-names.js';
import { inputDigest } from './input-digest.js';
import { knownColumns } from './known-columns.js';
import { loadPrevious } from './load-previous.js';
import { manifestFileName, type ManifestHeader } from './manifest.js';
import { ManifestWriter } from './manifest-writer.js';
import { PreviousManifest, recordSha256, sha256Hex } from './resume.js';
import { inShard, type Shard } from './shard.js';
import { WorkerPool } from './worker-pool.js';
import type { TaskResult } from './worker-protocol.js';
import { workerFile } from './worker-file.js';

export interface BatchOptions {
  readonly session: SessionOptions;
  readonly dataFile: string;
  readonly format?: RowFormat;
  readonly sheet?: string;
  readonly outDir: string;
  readonly combined?: string;
  /** Worker threads; default one per core. */
  readonly jobs?: number;
  readonly resume?: boolean;
  readonly shard?: Shard;
}

/** What the runner tells its caller while it works (the CLI draws progress from these). */
export type BatchEvent =
  | { readonly type: 'start'; readonly total: number; readonly notes: readonly string[] }
  | { readonly type: 'row'; readonly row: number; readonly status: 'made' | 'skipped' | 'failed'; readonly problems?: readonly RowError[] }
  | { readonly type: 'warning'; readonly message: string }
  | { readonly type: 'note'; readonly message: string };

export interface BatchSummary {
  readonly total: number;
  readonly made: number;
  readonly skipped: number;
  readonly failed: number;
  readonly seconds: number;
  readonly manifest: string;
  readonly errors: string;
  readonly combined?: string;
  /** Stack traces of bugs met on the way (rows that failed because of placard, not their data). */
  readonly internal: readonly string[];
}

interface RowWork {
  readonly index: number;
  readonly row: number;
  readonly record: Readonly<Record<string, unknown>>;
  readonly file: string;
  readonly recordSha: string;
}

/**
 * Renders every row of a data file to its own PDF in `outDir`, on a pool of
 * worker threads, with a manifest, an errors.csv and, if asked, one combined
 * print file. Bad rows never stop good rows. Output never depends on `jobs`.
 */
export async function runBatch(options: BatchOptions, onEvent: (event: BatchEvent) => void = () => undefined): Promise<BatchSummary> {
  const started = Date.now();
  const main = prepare(options.session);
  const template = main.id;
  const digest = await inputDigest(options.dataFile, options);
  const outDir = openOutDir(options.outDir, onEvent, options.shard);
  const header: ManifestHeader = {
    placard_version: PLACARD_VERSION,
    template,
    input: { file: basename(options.dataFile), sha256: digest.sha256 },
    options: outputOptions(options.session),
    ...(options.shard ? { shard: options.shard } : {}),
  };
  const notes: string[] = [];
  const previous = options.resume ? loadPrevious(outDir, options.shard) : undefined;
  const resume = previous ? new PreviousManifest(previous.manifest, header) : undefined;
  if (previous) notes.push(...previous.warnings, ...resume!.changes());
  const source = await openRows(options.dataFile, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
  });
  const known = knownColumns(main.fields);
  const unknown = source.columns.filter((column) => !known.has(column));
  if (unknown.length > 0) notes.push(`${options.dataFile}: columns placard does not use are ignored: ${unknown.join(', ')}`);
  onEvent({ type: 'start', total: countInShard(digest.records, options.shard), notes });

  const writer = await ManifestWriter.open(outDir, header, writeSafely);
  const namer = new FileNamer();
  const combined = options.combined ? await CombinedFile.open(options.combined, main, [options.dataFile]) : undefined;
  if (combined && options.combined && isInside(options.combined, outDir)) namer.reserve(basename(options.combined));
  const errors: RowError[] = [];
  const internal: string[] = [];
  const counts = { made: 0, skipped: 0, failed: 0 };
  const pending = new Set<Promise<void>>();
  const work = new Map<number, RowWork>();
  let stop: Error | undefined;

  const fail = async (item: Pick<RowWork, 'index' | 'row' | 'record'>, problems: readonly Problem[]): Promise<void> => {
    const lines = rowErrors(item.row, item.record, problems);
    errors.push(...lines);
    counts.failed++;
    combined?.skip(item.index);
    await writer.fail({ row: item.row, index: item.index, ...idAndName(item.record) });
    onEvent({ type: 'row', row: item.row, status: 'failed', problems: lines });
  };

  const finish = async (result: TaskResult): Promise<void> => {
    const item = work.get(result.index)!;
    work.delete(result.index);
    if (result.kind === 'usage') {
      stop ??= new TemplateError(result.message);
      return;
    }
    if (result.kind === 'internal') {
      internal.push(result.message);
      return fail(item, [{ message: `placard could not render this row (a bug; please report it): ${result.message.split('\n')[0]}` }]);
    }
    if (result.kind === 'problems') return fail(item, result.problems);
    if (result.pages) combined?.add(result.index, result.pages, String(item.record.name ?? item.file));
    if (!result.pdf) return; // laid out again only for the combined file: the PDF was kept by --resume
    await writeSafely(join(outDir, item.file), result.pdf, { inputs: [options.dataFile] });
    await writer.add({
      row: item.row,
      index: item.index,
      ...idAndName(item.record),
      name: String(item.record.name ?? ''),
      file: item.file,
      sha256: sha256Hex(result.pdf),
      template,
      languages: [...result.languages],
      warnings: result.warnings.map((warning: Warning) => warning.message),
      record_sha256: item.recordSha,
    });
    counts.made++;
    onEvent({ type: 'row', row: item.row, status: 'made' });
  };

  const pool = new WorkerPool(Math.max(1, options.jobs ?? availableParallelism()), workerFile(), options.session, (result) => {
    const done = finish(result).catch((error: unknown) => {
      stop ??= error as Error;
    });
    pending.add(done);
    void done.finally(() => pending.delete(done));
  });

  let index = -1;
  try {
    for await (const event of source.rows()) {
      if (stop) break;
      index++;
      const record = 'record' in event ? withoutColumns(event.record, known) : {};
      const file = namer.name(event.row, record, template);
      if (!inShard(index, options.shard)) continue;
      combined?.expect(index);
      if ('problems' in event) {
        await fail({ index, row: event.row, record }, event.problems);
        continue;
      }
      const item: RowWork = { index, row: event.row, record, file, recordSha: recordSha256(record) };
      const decision = resume ? await resume.decide(outDir, { file, template, record_sha256: item.recordSha }) : undefined;
      if (decision?.action === 'skip') {
        await writer.add({ ...decision.entry, row: item.row, index });
        counts.skipped++;
        onEvent({ type: 'row', row: item.row, status: 'skipped' });
        if (!combined) continue;
        work.set(index, item);
        await pool.submit({ index, record, layoutOnly: true });
        continue;
      }
      work.set(index, item);
      await pool.submit({ index, record, ...(combined ? { withPages: true } : {}) });
    }
    await pool.drain();
    while (pending.size > 0) await Promise.all(pending);
  } catch (error) {
    stop ??= error as Error;
  } finally {
    await pool.close();
  }
  if (stop) {
    await writer.close();
    await combined?.abort();
    throw stop;
  }
  await writer.finish(index + 1);
  const errorsFile = await writeErrorsCsv(outDir, errors, writeSafely, options.shard);
  await combined?.finish();
  return {
    total: counts.made + counts.skipped + counts.failed,
    ...counts,
    seconds: (Date.now() - started) / 1000,
    manifest: join(outDir, manifestFileName(options.shard)),
    errors: errorsFile,
    ...(options.combined ? { combined: options.combined } : {}),
    internal,
  };
}

/** The output folder: created if its parent exists (said so), and cleared of temporary files a killed run left. */
function openOutDir(dir: string, onEvent: (event: BatchEvent) => void, shard?: Shard): string {
  let stats;
  try {
    stats = statSync(dir);
  } catch {
    try {
      mkdirSync(dir);
    } catch (error) {
      // Shards started together race to create their shared folder: one made it.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(dir).isDirectory()) return dir;
      throw new UsageError(
        `cannot create the output folder ${dir}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its parent folder does not exist' : (error as Error).message}`,
      );
    }
    onEvent({ type: 'note', message: `created the output folder ${dir}` });
    return dir;
  }
  if (!stats.isDirectory()) throw new UsageError(`--out-dir ${dir} is a file; give a folder`);
  // Shards share the folder and run at once: one sweeps only its own manifest's and errors file's, never
  // another's files in flight (a killed shard's PDF temporaries stay, hidden and harmless).
  const own = shard && shard.n > 1 ? `shard-${shard.k}-of-${shard.n}.` : '';
  for (const name of readdirSync(dir)) {
    if (/^\..+\.[0-9a-f]{12}\.tmp$/.test(name) && name.includes(own)) rmSync(join(dir, name), { force: true });
  }
  return dir;
}

/** Options that change the bytes of the output; a resume with other values renders everything again. */
function outputOptions(session: SessionOptions): Record<string, string | number | boolean | null | readonly string[]> {
  return {
    languages: session.languages ? [...session.languages] : null,
    size: session.size ?? null,
    arrange: session.arrange ?? null,
    rights_url: session.rightsUrl ?? null,
    ...(session.bleed !== undefined ? { bleed: session.bleed } : {}),
    source_date_epoch: session.sourceDateEpoch ?? null,
    require_reviewed: session.requireReviewed ?? false,
    fonts: session.fonts ? [...session.fonts] : [],
    templates: session.templateDirs ? [...session.templateDirs] : [],
  };
}

function withoutColumns(record: Readonly<Record<string, unknown>>, known: { has(column: string): boolean }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => known.has(key)));
}

function idAndName(record: Readonly<Record<string, unknown>>): { id?: string; name?: string } {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  const id = text(record.id);
  const name = text(record.name);
  return { ...(id ? { id } : {}), ...(name ? { name } : {}) };
}

/** Whether `file` sits directly in `dir` (the same folder, by device and inode, whatever the spelling of the paths). */
function isInside(file: string, dir: string): boolean {
  try {
    const [parent, folder] = [statSync(dirname(resolve(file))), statSync(dir)];
    return parent.dev === folder.dev && parent.ino === folder.ino;
  } catch {
    return false;
  }
}

function countInShard(records: number, shard: Shard | undefined): number {
  let count = 0;
  for (let index = 0; index < records; index++) if (inShard(index, shard)) count++;
  return count;
}
