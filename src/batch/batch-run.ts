import { join } from 'node:path';
import { TemplateError, UsageError, type Problem } from '../errors.js';
import type { RowEvent } from '../read/rows/read-rows.js';
import type { Warning } from '../contract/public-api.js';
import { openInput, openOutputs, type BatchInput, type BatchOutputs } from './batch-open.js';
import type { BatchPlan } from './batch-plan.js';
import type { BatchEvent, BatchSummary } from './batch-types.js';
import { workerCount } from './cpu-count.js';
import { rowErrors } from './errors-csv.js';
import { noticeLimitProblem } from './notice-limits.js';
import { recordSha256, rowContent, sha256Hex } from './resume.js';
import { idAndName, withoutColumns } from './run-parts.js';
import { inShard } from './shard.js';
import type { catchSignals } from './signals.js';
import { WorkerPool } from './worker-pool.js';
import type { TaskResult } from './worker-protocol.js';
import { workerFile } from './worker-file.js';

type Signals = ReturnType<typeof catchSignals>;
type DoneResult = Extract<TaskResult, { kind: 'done' }>;

/** A row handed to the workers, kept until its result comes back. */
interface RowWork {
  readonly index: number;
  readonly row: number;
  readonly record: Readonly<Record<string, unknown>>;
  readonly file: string;
  readonly recordSha: string;
}

/** The same template error on this many rows before any notice is made stops the run. */
const TEMPLATE_FAILURES_TO_STOP = 10;

/**
 * One locked batch run: reads the rows, hands them to the worker pool, records
 * each result (PDF, manifest line, errors.csv, combined file) and finishes or
 * stops. Results arrive in any order; the manifest and the combined file put
 * them back in input order, so nothing depends on the number of workers.
 */
export class BatchRun {
  private readonly counts = { made: 0, skipped: 0, failed: 0 };
  private readonly internal: string[] = [];
  private readonly work = new Map<number, RowWork>();
  private readonly pending = new Set<Promise<void>>();
  /** The error that stops the run (a template error, a write that failed, broken workers). */
  private stop: Error | undefined;
  private templateFailures = 0;
  /** The last record's index in the whole input (every shard). */
  private index = -1;

  private constructor(
    private readonly plan: BatchPlan,
    private readonly input: BatchInput,
    private readonly out: BatchOutputs,
    private readonly signals: Signals,
    private readonly onEvent: (event: BatchEvent) => void,
  ) {}

  /** Opens the input and this run's outputs (the lock is held). */
  static async open(plan: BatchPlan, signals: Signals, onEvent: (event: BatchEvent) => void): Promise<BatchRun> {
    const input = await openInput(plan);
    onEvent({ type: 'start', total: input.total, notes: input.notes });
    const out = await openOutputs(plan);
    signals.onStop(() => void out.combined?.abort());
    return new BatchRun(plan, input, out, signals, onEvent);
  }

  async run(): Promise<BatchSummary> {
    const pool = this.startPool();
    await this.dispatchRows(pool);
    this.checkCombined();
    return this.end();
  }

  private startPool(): WorkerPool {
    const jobs = workerCount(this.plan.options.jobs, this.input.total);
    const pool = new WorkerPool(jobs, workerFile(), this.plan.options.session, (result) => this.onResult(result));
    this.signals.onStop(() => void pool.close());
    return pool;
  }

  /** Reads rows until the input ends or the run stops, then waits for every result. */
  private async dispatchRows(pool: WorkerPool): Promise<void> {
    try {
      for await (const event of this.input.source.rows()) {
        if (this.stop || this.signals.caught || this.out.combined?.failure) break;
        await this.takeRow(event, pool);
      }
      if (!this.signals.caught) await pool.drain();
    } catch (error) {
      if (!this.signals.caught) this.stop ??= error as Error;
    } finally {
      await pool.close();
      while (this.pending.size > 0) await Promise.all(this.pending);
    }
  }

  private async takeRow(event: RowEvent, pool: WorkerPool): Promise<void> {
    const { options, template } = this.plan;
    if ('skipped' in event) {
      // A blank row, a row of spaces or a "Total:" line: no business, so skipped, not failed (counted once, by shard 1).
      if (!options.shard || options.shard.k === 1) this.counts.skipped++;
      return;
    }
    const index = ++this.index;
    const record = 'record' in event ? withoutColumns(event.record, this.input.known) : {};
    const file = this.out.namer.name(event.row, record, template);
    if (!inShard(index, options.shard)) return;
    this.out.combined?.expect(index);
    if ('problems' in event) return this.fail({ index, row: event.row, record }, event.problems);
    const item: RowWork = { index, row: event.row, record, file, recordSha: recordSha256(record) };
    if (await this.keptByResume(item)) {
      if (!this.out.combined) return;
      this.work.set(index, item);
      return pool.submit({ index, record, layoutOnly: true });
    }
    this.work.set(index, item);
    return pool.submit({ index, record, ...(this.out.combined ? { withPages: true } : {}) });
  }

  /** Whether `--resume` keeps this row's PDF from the earlier run (then it is recorded again, as skipped). */
  private async keptByResume(item: RowWork): Promise<boolean> {
    const { resume } = this.input;
    if (!resume) return false;
    const decision = await resume.decide(this.plan.files.dir, {
      file: item.file,
      template: this.plan.template,
      record_sha256: item.recordSha,
    });
    if (decision.action !== 'skip') return false;
    await this.out.writer.add({ ...decision.entry, row: item.row, index: item.index });
    this.counts.skipped++;
    this.onEvent({ type: 'row', row: item.row, status: 'skipped' });
    return true;
  }

  /** A worker's result: recorded in the background; the first error met stops the run. */
  private onResult(result: TaskResult): void {
    const done = this.finishRow(result).catch((error: unknown) => {
      this.stop ??= error as Error;
    });
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  private async finishRow(result: TaskResult): Promise<void> {
    const item = this.work.get(result.index)!;
    this.work.delete(result.index);
    if (result.kind === 'usage') {
      // A string missing in one row's language, or a row that makes the template work too long, fails that row.
      // The same template error on the first rows, before any notice is made, is the template's: the run stops.
      if (++this.templateFailures >= TEMPLATE_FAILURES_TO_STOP && this.counts.made === 0) this.stop ??= new TemplateError(result.message);
      return this.fail(item, [{ message: result.message }]);
    }
    if (result.kind === 'internal') {
      this.internal.push(result.message);
      return this.fail(item, [
        { message: `placard could not render this row (a bug; please report it): ${result.message.split('\n')[0]}` },
      ]);
    }
    if (result.kind === 'problems') return this.fail(item, result.problems);
    const tooLarge = noticeLimitProblem(result.pageCount, result.pdf?.length);
    if (tooLarge) return this.fail(item, [{ message: tooLarge }]);
    if (result.pages) this.out.combined?.add(result.index, result.pages, String(item.record.name ?? item.file));
    if (!result.pdf) return; // laid out again only for the combined file: the PDF was kept by --resume
    return this.recordMade(item, result, result.pdf);
  }

  /** Writes a made notice and its manifest line (in that order: a crash between them only re-renders the row). */
  private async recordMade(item: RowWork, result: DoneResult, pdf: Uint8Array): Promise<void> {
    const { files, template, content } = this.plan;
    await this.out.write(join(files.dir, item.file), pdf);
    await this.out.writer.add({
      row: item.row,
      index: item.index,
      ...idAndName(item.record),
      name: String(item.record.name ?? ''),
      file: item.file,
      sha256: sha256Hex(pdf),
      template,
      languages: [...result.languages],
      warnings: result.warnings.map((warning: Warning) => warning.message),
      record_sha256: item.recordSha,
      content_sha256: rowContent(content, result.languages),
    });
    this.counts.made++;
    this.onEvent({ type: 'row', row: item.row, status: 'made' });
  }

  private async fail(item: Pick<RowWork, 'index' | 'row' | 'record'>, problems: readonly Problem[]): Promise<void> {
    const lines = rowErrors(item.row, item.record, problems);
    this.out.errors.add(lines);
    this.counts.failed++;
    this.out.combined?.skip(item.index);
    await this.out.writer.fail({ row: item.row, index: item.index, ...idAndName(item.record) });
    this.onEvent({ type: 'row', row: item.row, status: 'failed', problems: lines });
  }

  /** A combined file that could not be written stops the run; a signal aborts it itself, which is no write error. */
  private checkCombined(): void {
    const failure = this.out.combined?.failure;
    if (failure && !this.stop && !this.signals.caught) {
      this.stop = new UsageError(`cannot write the combined file ${this.plan.options.combined!}: ${failure.message}`);
    }
  }

  /** Finishes the manifest, errors.csv and combined file; or keeps what is done when stopped. */
  private async end(): Promise<BatchSummary> {
    const { writer, errors, combined } = this.out;
    if (this.stop) {
      await writer.close();
      errors.close();
      await combined?.abort();
      throw this.stop;
    }
    if (this.signals.caught) {
      // What is done is recorded; the rows in flight are rendered again by --resume.
      await combined?.abort();
      await writer.finish();
      await errors.finish();
      return this.summary({ interrupted: this.signals.caught });
    }
    await writer.finish(this.index + 1);
    await errors.finish();
    await combined?.finish();
    return this.summary(this.plan.options.combined ? { combined: this.plan.options.combined } : {});
  }

  private summary(extra: Partial<BatchSummary>): BatchSummary {
    return {
      total: this.counts.made + this.counts.skipped + this.counts.failed,
      ...this.counts,
      seconds: (Date.now() - this.plan.started) / 1000,
      manifest: this.plan.files.manifest,
      errors: this.plan.files.errors,
      internal: this.internal,
      ...extra,
    };
  }
}
