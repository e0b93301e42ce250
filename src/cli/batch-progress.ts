import type cliProgress from 'cli-progress';
import { createRequire } from 'node:module';
import type { BatchEvent, BatchSummary } from '../batch/run-batch.js';
import { formatProblem } from '../errors.js';
import type { CliIO, Reporter } from './io.js';

/** cli-progress and its 14 modules, loaded only to draw a bar (not for --quiet, nor when stderr is no terminal). */
const require = createRequire(import.meta.url);
const loadBars = (): typeof cliProgress => require('cli-progress') as typeof cliProgress;

/** How often a plain progress line is printed when stderr is not a terminal. */
const LINE_EVERY_MS = 5_000;

/**
 * Shows a batch's progress on stderr: a bar with count, failures, rate and
 * time left on a terminal (cli-progress), a plain line every few seconds
 * otherwise, nothing with --quiet. Failed rows are always reported as they
 * happen: on a terminal the bar's line is cleared, the failure printed, and
 * the bar drawn again below it. No colours are used, so NO_COLOR holds.
 */
export class BatchProgress {
  private bar: cliProgress.SingleBar | undefined;
  private failed = 0;
  private total = 0;
  private done = 0;
  private readonly started = Date.now();
  private lastLine = Date.now();

  constructor(
    private readonly io: CliIO,
    private readonly reporter: Reporter,
    private readonly quiet: boolean,
  ) {}

  readonly onEvent = (event: BatchEvent): void => {
    if (event.type === 'warning') return this.reporter.warn(event.message);
    if (event.type === 'note') return this.reporter.info(event.message);
    if (event.type === 'start') {
      this.total = event.total;
      for (const note of event.notes) this.reporter.warn(note);
      if (!this.quiet && this.io.stderr.isTTY) {
        const cliProgress = loadBars();
        this.bar = new cliProgress.SingleBar(
          {
            stream: this.io.stderr as unknown as NodeJS.WritableStream,
            format: 'placard batch [{bar}] {value}/{total} rows · {failed} failed · {rate} rows/s · {eta_formatted} left',
            barCompleteChar: '#',
            barIncompleteChar: '.',
            hideCursor: true,
            etaBuffer: 50,
          },
          cliProgress.Presets.legacy,
        );
        this.bar.start(event.total, 0, { rate: '0.0', failed: 0 });
      }
      return;
    }
    this.done++;
    if (event.status === 'failed') {
      const lines = (event.problems ?? []).map(
        (problem) =>
          `row ${problem.row}${problem.id ? ` (${problem.id})` : ''}: ${formatProblem({ ...problem, row: undefined, message: problem.reason })}`,
      );
      this.failed++;
      // Above the bar: clear its line, print, and let the update below draw it again.
      if (this.bar) this.io.stderr.write('\r\u001b[2K');
      for (const line of lines) this.reporter.error(line);
    }
    this.bar?.update(this.done, { rate: this.rate().toFixed(1), failed: this.failed });
    // cli-progress skips a redraw when its text is unchanged; the line was cleared, so force it (a JS-only parameter).
    if (event.status === 'failed') (this.bar as unknown as { render?(force: boolean): void } | undefined)?.render?.(true);
    if (!this.bar && !this.quiet && Date.now() - this.lastLine >= LINE_EVERY_MS) {
      this.lastLine = Date.now();
      const left = this.rate() > 0 ? Math.round((this.total - this.done) / this.rate()) : undefined;
      this.reporter.info(
        `placard batch: ${this.done}/${this.total} rows (${Math.floor((100 * this.done) / Math.max(1, this.total))}%), ${this.rate().toFixed(1)} rows/s${left !== undefined ? `, about ${left} s left` : ''}`,
      );
    }
  };

  /** Stops the bar, then prints the summary. */
  end(summary?: BatchSummary): void {
    this.bar?.stop();
    if (!summary) return;
    const rate = summary.seconds > 0 ? (summary.made + summary.failed) / summary.seconds : 0;
    this.reporter.info(
      `made ${summary.made}, failed ${summary.failed}, skipped ${summary.skipped} in ${summary.seconds.toFixed(1)} s (${rate.toFixed(1)} rows/s)`,
    );
    this.reporter.info(
      `manifest: ${summary.manifest}; errors: ${summary.errors}${summary.combined ? `; combined: ${summary.combined}` : ''}`,
    );
  }

  private rate(): number {
    const seconds = (Date.now() - this.started) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }
}
