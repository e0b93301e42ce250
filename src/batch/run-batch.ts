import { basename, join } from 'node:path';
import { TemplateError, UsageError, type Problem } from '../errors.js';
import { PLACARD_VERSION } from '../paths.js';
import { mapColumns, runFields, type ExplicitColumns } from '../read/rows/column-map.js';
import { openRows, type RowFormat } from '../read/rows/read-rows.js';
import type { SessionOptions, Warning } from '../contract/public-api.js';
import { prepare } from '../session/prepare.js';
import { writeSafely } from '../write/safe-output.js';
import { CombinedFile } from './combined-file.js';
import { contentDigest } from './content-digest.js';
import { workerCount } from './cpu-count.js';
import { rowErrors, type RowError } from './errors-csv.js';
import { ErrorsWriter } from './errors-writer.js';
import { FileNamer } from './file-names.js';
import { inputDigest } from './input-digest.js';
import { knownColumns } from './known-columns.js';
import { loadPrevious } from './load-previous.js';
import type { ManifestHeader, WriteAtomic } from './manifest.js';
import { ManifestWriter } from './manifest-writer.js';
import { checkAliases, manifestTemplate, openOutDir, runFiles, sweepOwnTemporaries, takeLock } from './out-dir.js';
import { PreviousManifest, recordSha256, rowContent, sha256Hex } from './resume.js';
import { inShard, type Shard } from './shard.js';
import { countInShard, idAndName, isInside, outputOptions, withoutColumns } from './run-parts.js';
import { catchSignals } from './signals.js';
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
  /** Worker threads; default one per core the process may use (a cgroup CPU quota counts), never more than rows. */
  readonly jobs?: number;
  readonly resume?: boolean;
  readonly shard?: Shard;
  /** The row that holds the column names (--header-row); default found. */
  readonly headerRow?: number;
  /** Field → column header, from --map and --columns. */
  readonly columns?: ExplicitColumns;
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
  /** The signal that stopped the run early; what was done is recorded, and `--resume` finishes it. */
  readonly interrupted?: 'SIGINT' | 'SIGTERM';
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
  const files = runFiles(options.outDir, options.shard);
  // Everything that can refuse the run does so before any file is touched.
  checkAliases(files, options.dataFile, options.combined);
  const digest = await inputDigest(options.dataFile, options);
  openOutDir(options.outDir, () => onEvent({ type: 'note', message: `created the output folder ${options.outDir}` }));
  const combinedInside = options.combined !== undefined && isInside(options.combined, files.dir);
  const combinedTarget = options.combined ? CombinedFile.check(options.combined, main, [options.dataFile], combinedInside) : undefined;
  const content = contentDigest(main, options.session);
  const header: ManifestHeader = {
    placard_version: PLACARD_VERSION,
    template,
    input: { file: basename(options.dataFile), sha256: digest.sha256 },
    options: outputOptions(options.session),
    content,
    ...(options.shard ? { shard: options.shard } : {}),
  };
  const earlier = manifestTemplate(files.manifest);
  if (earlier !== undefined && earlier !== template) {
    throw new UsageError(
      `${files.manifest} records a run of ${earlier}; a run of ${template} would replace it and its errors file. ` +
        'Give another --out-dir, or remove that manifest first',
    );
  }
  const release = takeLock(files, template, (message) => onEvent({ type: 'note', message }));
  const signals = catchSignals();
  try {
    return await runLocked();
  } finally {
    signals.stop();
    release();
  }

  async function runLocked(): Promise<BatchSummary> {
    sweepOwnTemporaries(files);
    const write: WriteAtomic = (path, bytes) =>
      writeSafely(path, bytes, { inputs: [options.dataFile], replaceLinks: true, tempTag: files.tempTag });
    const notes: string[] = [];
    const previous = options.resume ? loadPrevious(files.dir, options.shard) : undefined;
    const resume = previous ? new PreviousManifest(previous.manifest, header) : undefined;
    if (previous) notes.push(...previous.warnings, ...resume!.changes());
    const opened = await openRows(options.dataFile, {
      ...(options.format ? { format: options.format } : {}),
      ...(options.sheet ? { sheet: options.sheet } : {}),
      ...(options.headerRow ? { headerRow: options.headerRow } : {}),
    });
    // Headers as cities write them ("Business Name", "ZIP"); a required field with no column stops here, before any row renders.
    const { source, notes: columnNotes } = mapColumns(opened, runFields(main.fields), options.columns);
    notes.push(...columnNotes);
    const known = knownColumns(main.fields);
    const total = countInShard(digest.records, options.shard);
    onEvent({ type: 'start', total, notes });

    const writer = await ManifestWriter.open(files.dir, header, write, { tempTag: files.tempTag });
    const errors = ErrorsWriter.open(files.errors, files.tempTag);
    const namer = new FileNamer();
    const combined = combinedTarget ? await CombinedFile.open(combinedTarget, main) : undefined;
    signals.onStop(() => void combined?.abort());
    if (combined && combinedInside) namer.reserve(basename(options.combined!));
    const internal: string[] = [];
    const counts = { made: 0, skipped: 0, failed: 0 };
    const pending = new Set<Promise<void>>();
    const work = new Map<number, RowWork>();
    let stop: Error | undefined;
    let templateFailures = 0;

    const fail = async (item: Pick<RowWork, 'index' | 'row' | 'record'>, problems: readonly Problem[]): Promise<void> => {
      const lines = rowErrors(item.row, item.record, problems);
      errors.add(lines);
      counts.failed++;
      combined?.skip(item.index);
      await writer.fail({ row: item.row, index: item.index, ...idAndName(item.record) });
      onEvent({ type: 'row', row: item.row, status: 'failed', problems: lines });
    };

    const finish = async (result: TaskResult): Promise<void> => {
      const item = work.get(result.index)!;
      work.delete(result.index);
      if (result.kind === 'usage') {
        // A string missing in one row's language, or a row that makes the template work too long, fails that row.
        // The same template error on the first rows, before any notice is made, is the template's: the run stops.
        if (++templateFailures >= TEMPLATE_FAILURES_TO_STOP && counts.made === 0) stop ??= new TemplateError(result.message);
        return fail(item, [{ message: result.message }]);
      }
      if (result.kind === 'internal') {
        internal.push(result.message);
        return fail(item, [{ message: `placard could not render this row (a bug; please report it): ${result.message.split('\n')[0]}` }]);
      }
      if (result.kind === 'problems') return fail(item, result.problems);
      if (result.pageCount > MAX_NOTICE_PAGES) {
        return fail(item, [
          {
            message: `this notice would have ${result.pageCount} pages; placard makes notices of at most ${MAX_NOTICE_PAGES}: shorten its longest fields`,
          },
        ]);
      }
      if (result.pdf && result.pdf.length > MAX_NOTICE_BYTES) {
        const size = Math.round(result.pdf.length / 1e6);
        return fail(item, [
          {
            message: `this notice would be ${size} MB; placard makes notices of at most ${MAX_NOTICE_BYTES / 1e6} MB: shorten its longest fields`,
          },
        ]);
      }
      if (result.pages) combined?.add(result.index, result.pages, String(item.record.name ?? item.file));
      if (!result.pdf) return; // laid out again only for the combined file: the PDF was kept by --resume
      await write(join(files.dir, item.file), result.pdf);
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
        content_sha256: rowContent(content, result.languages),
      });
      counts.made++;
      onEvent({ type: 'row', row: item.row, status: 'made' });
    };

    const jobs = workerCount(options.jobs, total);
    const pool = new WorkerPool(jobs, workerFile(), options.session, (result) => {
      const done = finish(result).catch((error: unknown) => {
        stop ??= error as Error;
      });
      pending.add(done);
      void done.finally(() => pending.delete(done));
    });
    signals.onStop(() => void pool.close());

    let index = -1;
    try {
      for await (const event of source.rows()) {
        if (stop || signals.caught || combined?.failure) break;
        if ('skipped' in event) {
          // A blank row, a row of spaces or a "Total:" line: no business, so skipped, not failed (counted once, by shard 1).
          if (!options.shard || options.shard.k === 1) counts.skipped++;
          continue;
        }
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
        const decision = resume ? await resume.decide(files.dir, { file, template, record_sha256: item.recordSha }) : undefined;
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
      if (!signals.caught) await pool.drain();
    } catch (error) {
      if (!signals.caught) stop ??= error as Error;
    } finally {
      await pool.close();
      while (pending.size > 0) await Promise.all(pending);
    }
    // A signal aborts the combined file itself: that is no write error.
    if (combined?.failure && !stop && !signals.caught)
      stop = new UsageError(`cannot write the combined file ${options.combined!}: ${combined.failure.message}`);
    const summary = (extra: Partial<BatchSummary>): BatchSummary => ({
      total: counts.made + counts.skipped + counts.failed,
      ...counts,
      seconds: (Date.now() - started) / 1000,
      manifest: files.manifest,
      errors: files.errors,
      internal,
      ...extra,
    });
    if (stop) {
      await writer.close();
      errors.close();
      await combined?.abort();
      throw stop;
    }
    if (signals.caught) {
      // What is done is recorded; the rows in flight are rendered again by --resume.
      await combined?.abort();
      await writer.finish();
      await errors.finish();
      return summary({ interrupted: signals.caught });
    }
    await writer.finish(index + 1);
    await errors.finish();
    await combined?.finish();
    return summary(options.combined ? { combined: options.combined } : {});
  }
}

/** The same template error on this many rows before any notice is made stops the run. */
const TEMPLATE_FAILURES_TO_STOP = 10;

/** A notice (or a packet's notices) with more pages than this is a row problem: it would not fit on a door. */
export const MAX_NOTICE_PAGES = 50;

/** A notice larger than this is a row problem, not a file: no door notice needs tens of pages. */
export const MAX_NOTICE_BYTES = 50_000_000;
