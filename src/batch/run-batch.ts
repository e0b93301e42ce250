import { BatchRun } from './batch-run.js';
import { planBatch } from './batch-plan.js';
import type { BatchEvent, BatchOptions, BatchSummary } from './batch-types.js';
import { runFiles, sweepOwnTemporaries, takeLock } from './out-dir.js';
import { catchSignals } from './signals.js';
import { workerFile } from './worker-file.js';
import { WorkerPool } from './worker-pool.js';
import type { WorkerSetup } from './worker-protocol.js';

export type { BatchEvent, BatchOptions, BatchSummary } from './batch-types.js';
export { MAX_NOTICE_BYTES, MAX_NOTICE_PAGES } from './notice-limits.js';

/**
 * Renders every row of a data file to its own PDF in `outDir`, on a pool of
 * worker threads, with a manifest, an errors.csv and, if asked, one combined
 * print file. Bad rows never stop good rows. Output never depends on `jobs`.
 *
 * The steps: start one worker (it prepares its session while this thread
 * plans), plan (everything that can refuse the run, before any file is
 * touched), take the output folder's lock, then a `BatchRun` reads the rows,
 * hands them to the workers, records the results and finishes.
 */
export async function runBatch(options: BatchOptions, onEvent: (event: BatchEvent) => void = () => undefined): Promise<BatchSummary> {
  const pool = new WorkerPool(1, workerFile(), workerSetup(options), () => undefined);
  try {
    const plan = await planBatch(options, onEvent);
    const release = takeLock(plan.files, plan.template, (message) => onEvent({ type: 'note', message }));
    const signals = catchSignals();
    try {
      sweepOwnTemporaries(plan.files);
      const run = await BatchRun.open(plan, pool, signals, onEvent);
      return await run.run();
    } finally {
      signals.stop();
      release();
    }
  } finally {
    await pool.close();
  }
}

/** What every worker starts with: the session, and where and how it writes the row PDFs. */
function workerSetup(options: BatchOptions): WorkerSetup {
  const { dir, tempTag } = runFiles(options.outDir, options.shard);
  return { session: options.session, output: { dir, inputs: [options.dataFile], tempTag } };
}
