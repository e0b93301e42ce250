import { parentPort, workerData } from 'node:worker_threads';
import { runBatch, type BatchOptions } from '../batch/run-batch.js';
import { InputError, TemplateError, UsageError } from '../errors.js';
import type { BatchMessage } from './batch-messages.js';

/**
 * One batch from the page, run by the same runBatch as `placard batch` on a
 * thread of its own: reading the rows, the manifest and the combined PDF
 * never hold up the server's main thread (the rows themselves render on
 * runBatch's own worker threads, as in the CLI).
 */
const port = parentPort!;
const send = (message: BatchMessage): void => port.postMessage(message);

runBatch(workerData as BatchOptions, (event) => send({ type: 'event', event })).then(
  () => send({ type: 'done' }),
  (error: unknown) => {
    const refused = error instanceof UsageError || error instanceof InputError || error instanceof TemplateError;
    send({
      type: 'failed',
      refused,
      message: refused ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  },
);
