import { parentPort, workerData } from 'node:worker_threads';
import { prepare } from '../session/prepare.js';
import { renderTask } from './render-task.js';
import type { RenderTask, WorkerSetup } from './worker-protocol.js';

/**
 * A batch worker: prepares its render session once, then renders the rows it
 * is sent, in order, one at a time (render-task.ts: it writes each PDF itself
 * and sends back its sha256, so no PDF crosses to the main thread).
 */
const port = parentPort!;
const setup = workerData as WorkerSetup;
const renderer = prepare(setup.session);
const queue: RenderTask[] = [];
let running = false;

port.on('message', (tasks: readonly RenderTask[]) => {
  queue.push(...tasks);
  if (!running) void renderQueue();
});

/** Renders what is queued, answering each row as soon as it is done (rows sent meanwhile join the queue). */
async function renderQueue(): Promise<void> {
  running = true;
  for (let task = queue.shift(); task; task = queue.shift()) port.postMessage(await renderTask(renderer, setup.output, task));
  running = false;
}
