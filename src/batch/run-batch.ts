import { isMainThread } from 'node:worker_threads';
import { BatchRun } from './batch-run.js';
import { planBatch, type BatchPlan } from './batch-plan.js';
import type { BatchEvent, BatchOptions, BatchSummary } from './batch-types.js';
import { defaultJobs, workerCount } from './cpu-count.js';
import { InThreadRenderer } from './in-thread-renderer.js';
import { MainAndWorkers } from './main-and-workers.js';
import { runFiles, sweepOwnTemporaries, takeLock } from './out-dir.js';
import { catchSignals } from './signals.js';
import { workerFile } from './worker-file.js';
import { rowsAhead, WorkerPool } from './worker-pool.js';
import type { RowRenderers, WorkerSetup } from './worker-protocol.js';

export type { BatchEvent, BatchOptions, BatchSummary } from './batch-types.js';
export { MAX_NOTICE_BYTES, MAX_NOTICE_PAGES } from './notice-limits.js';

/**
 * Renders every row of a data file to its own PDF in `outDir`, with a
 * manifest, an errors.csv and, if asked, one combined print file. Bad rows
 * never stop good rows. Output never depends on `jobs`.
 *
 * The steps: start one worker if the run may use more than one (it prepares
 * its session while this thread plans), plan (everything that can refuse the
 * run, before any file is touched), take the output folder's lock, then a
 * `BatchRun` reads the rows, hands them to the renderers, records the results
 * and finishes. The main thread renders rows with the plan's session: all of
 * them for one job (in-thread-renderer.ts), or beside N - 1 worker threads for
 * N jobs (main-and-workers.ts). A batch that itself runs on a worker thread
 * (serve's) renders on a pool of N workers.
 *
 * Worker threads have a memory cap, the main thread has the process's: a row
 * that ran a worker out of memory fails alone. The longest rows the input
 * limits allow (every field at its longest, in every language, as a business
 * packet) render within 72 MB, under the cap of 112 MB, so where a row
 * renders changes nothing but that a bug that ate memory in the main thread
 * would stop the run.
 */
export async function runBatch(options: BatchOptions, onEvent: (event: BatchEvent) => void = () => undefined): Promise<BatchSummary> {
  const oneJob = isMainThread && (options.jobs ?? defaultJobs()) === 1;
  const early = oneJob ? undefined : new WorkerPool(1, workerFile(), workerSetup(options), () => undefined);
  try {
    const plan = await planBatch(options, onEvent);
    const release = takeLock(plan.files, plan.template, (message) => onEvent({ type: 'note', message }));
    const signals = catchSignals();
    try {
      sweepOwnTemporaries(plan.files);
      const run = await BatchRun.open(plan, (total) => renderers(plan, early, total), signals, onEvent);
      return await run.run();
    } finally {
      signals.stop();
      release();
    }
  } finally {
    await early?.close();
  }
}

/**
 * The run's renderers for `total` rows: this thread for one job, else the early pool grown to the run's jobs
 * (less this thread's, in the main thread); an early worker a short run does not need is stopped.
 */
async function renderers(plan: BatchPlan, early: WorkerPool | undefined, total: number): Promise<RowRenderers> {
  const jobs = workerCount(plan.options.jobs, total);
  if (!early) return inThread(plan);
  if (!isMainThread) {
    early.grow(jobs, rowsAhead(total, jobs));
    return early;
  }
  if (jobs === 1) {
    await early.close();
    return inThread(plan);
  }
  // At least two rows ahead: the worker renders its next row while the main thread renders one of its own.
  early.grow(jobs - 1, Math.max(2, rowsAhead(total, jobs)));
  return new MainAndWorkers(early, inThread(plan));
}

function inThread(plan: BatchPlan): InThreadRenderer {
  return new InThreadRenderer(plan.main, workerSetup(plan.options).output, () => undefined);
}

/** What every worker starts with: the session, and where and how it writes the row PDFs. */
function workerSetup(options: BatchOptions): WorkerSetup {
  const { dir, tempTag } = runFiles(options.outDir, options.shard);
  return { session: options.session, output: { dir, inputs: [options.dataFile], tempTag } };
}
