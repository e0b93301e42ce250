import { BatchRun } from './batch-run.js';
import { planBatch } from './batch-plan.js';
import type { BatchEvent, BatchOptions, BatchSummary } from './batch-types.js';
import { sweepOwnTemporaries, takeLock } from './out-dir.js';
import { catchSignals } from './signals.js';

export type { BatchEvent, BatchOptions, BatchSummary } from './batch-types.js';
export { MAX_NOTICE_BYTES, MAX_NOTICE_PAGES } from './notice-limits.js';

/**
 * Renders every row of a data file to its own PDF in `outDir`, on a pool of
 * worker threads, with a manifest, an errors.csv and, if asked, one combined
 * print file. Bad rows never stop good rows. Output never depends on `jobs`.
 *
 * The steps: plan (everything that can refuse the run, before any file is
 * touched), take the output folder's lock, then a `BatchRun` reads the rows,
 * hands them to the workers, records the results and finishes.
 */
export async function runBatch(options: BatchOptions, onEvent: (event: BatchEvent) => void = () => undefined): Promise<BatchSummary> {
  const plan = await planBatch(options, onEvent);
  const release = takeLock(plan.files, plan.template, (message) => onEvent({ type: 'note', message }));
  const signals = catchSignals();
  try {
    sweepOwnTemporaries(plan.files);
    const run = await BatchRun.open(plan, signals, onEvent);
    return await run.run();
  } finally {
    signals.stop();
    release();
  }
}
