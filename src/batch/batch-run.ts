import { TemplateError, UsageError, type Problem } from '../errors.js';
import type { RowEvent } from '../read/rows/read-rows.js';
import type { Warning } from '../contract/public-api.js';
import { openInput, openOutputs, type BatchInput, type BatchOutputs } from './batch-open.js';
import type { BatchPlan } from './batch-plan.js';
import type { BatchEvent, BatchSummary } from './batch-types.js';
import { rowErrors } from './errors-csv.js';
import { recordSha256, rowContent } from './resume.js';
import { sweepOwnTemporaries } from './out-dir.js';
import { idAndName, withoutColumns } from './run-parts.js';
import { inShard } from './shard.js';
import type { catchSignals } from './signals.js';
import type { RowRenderers, TaskResult } from './worker-protocol.js';

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
  /** `content_sha256` by language set: the same for every row in those languages. */
  private readonly contentByLanguages = new Map<string, string>();

  private constructor(
    private readonly plan: BatchPlan,
    private readonly input: BatchInput,
    private readonly out: BatchOutputs,
    private readonly pool: RowRenderers,
    private readonly signals: Signals,
    private readonly onEvent: (event: BatchEvent) => void,
  ) {}

  /**
   * Opens the input and this run's outputs (the lock is held), and gets the renderers for the run's number of
   * rows (a pool started before the run was planned, with one worker preparing its session meanwhile, grows
   * here to the run's number of workers).
   */
  static async open(
    plan: BatchPlan,
    renderers: (total: number) => Promise<RowRenderers>,
    signals: Signals,
    onEvent: (event: BatchEvent) => void,
  ): Promise<BatchRun> {
    const input = await openInput(plan);
    onEvent({ type: 'start', total: input.total, notes: input.notes });
    const out = await openOutputs(plan);
    signals.onStop(() => void out.combined?.abort());
    const pool = await renderers(input.total);
    const run = new BatchRun(plan, input, out, pool, signals, onEvent);
    pool.onResult = (result) => run.onResult(result);
    signals.onStop(() => void pool.close());
    return run;
  }

  async run(): Promise<BatchSummary> {
    await this.dispatchRows();
    this.checkCombined();
    return this.end();
  }

  /** Reads rows until the input ends or the run stops, then waits for every result. */
  private async dispatchRows(): Promise<void> {
    const { pool } = this;
    try {
      for await (const event of this.input.source.rows()) {
        if (this.stop || this.signals.caught || this.out.combined?.failure) break;
        await this.takeRow(event);
      }
      if (!this.signals.caught) await pool.drain();
    } catch (error) {
      if (!this.signals.caught) this.stop ??= error as Error;
    } finally {
      await pool.close();
      while (this.pending.size > 0) await Promise.all(this.pending);
      this.sweepTemporaries();
    }
  }

  /** A worker stopped mid-write (by a signal, or dying) may leave its temporary PDF: no worker runs now, so remove it. */
  private sweepTemporaries(): void {
    try {
      sweepOwnTemporaries(this.plan.files);
    } catch (error) {
      this.stop ??= error as Error;
    }
  }

  private async takeRow(event: RowEvent): Promise<void> {
    const { options, template } = this.plan;
    const { pool } = this;
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
    return pool.submit({ index, record, file, ...(this.out.combined ? { withPages: true } : {}) });
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
  onResult(result: TaskResult): void {
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
    if (result.kind === 'unwritable') {
      this.stop ??= new UsageError(result.message);
      return;
    }
    // The worker checked the notice's size against the limits (notice-limits.ts) before it wrote the PDF.
    if (result.pages) this.out.combined?.add(result.index, result.pages, String(item.record.name ?? item.file));
    if (result.sha256 === undefined) return; // laid out again only for the combined file: the PDF was kept by --resume
    return this.recordMade(item, result, result.sha256);
  }

  /** Records a notice the worker wrote (the PDF is in place before its manifest line: a crash between only re-renders it). */
  private async recordMade(item: RowWork, result: DoneResult, sha256: string): Promise<void> {
    const { template } = this.plan;
    await this.out.writer.add({
      row: item.row,
      index: item.index,
      ...idAndName(item.record),
      name: String(item.record.name ?? ''),
      file: item.file,
      sha256,
      template,
      languages: [...result.languages],
      warnings: result.warnings.map((warning: Warning) => warning.message),
      record_sha256: item.recordSha,
      content_sha256: this.rowContent(result.languages),
    });
    this.counts.made++;
    this.onEvent({ type: 'row', row: item.row, status: 'made' });
  }

  private rowContent(languages: readonly string[]): string {
    const key = languages.join(',');
    let digest = this.contentByLanguages.get(key);
    if (digest === undefined) this.contentByLanguages.set(key, (digest = rowContent(this.plan.content, languages)));
    return digest;
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
      workersWaited: this.pool.waitedMs / 1000,
      ...extra,
    };
  }
}
