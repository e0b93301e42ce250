import type { MessagePort } from 'node:worker_threads';
import { prepare } from '../session/prepare.js';
import { renderTask, rowFolder } from './render-task.js';
import type { RenderTask, WorkerSetup } from './worker-protocol.js';

/** Rows a worker renders before it keeps the code it has compiled (bin/load-bundle.js): by then rendering's code is in it. */
const WARM_ROWS = 8;

/**
 * A batch worker's work: prepares its render session once, then renders the
 * rows it is sent, in order, one at a time (render-task.ts: it writes each
 * PDF itself and sends back its sha256, so no PDF crosses to the main
 * thread). `warm` is called once, after WARM_ROWS rows: a worker loaded
 * from the bundle keeps V8's code cache then, so that the next batch's
 * workers skip compiling what it ran.
 */
export function runRenderWorker(port: Pick<MessagePort, 'on' | 'postMessage'>, setup: WorkerSetup, warm?: () => void): void {
  const renderer = prepare(setup.session);
  const folder = rowFolder(setup.output);
  const queue: RenderTask[] = [];
  let running = false;
  let rendered = 0;
  let warmed = warm === undefined;

  /** Renders what is queued, answering each row as soon as it is done (rows sent meanwhile join the queue). */
  const renderQueue = async (): Promise<void> => {
    running = true;
    for (let task = queue.shift(); task; task = queue.shift()) {
      port.postMessage(await renderTask(renderer, folder, task));
      rendered++;
      if (!warmed && rendered >= WARM_ROWS) {
        warmed = true;
        warm!();
      }
    }
    running = false;
  };

  port.on('message', (tasks: readonly RenderTask[]) => {
    queue.push(...tasks);
    if (!running) void renderQueue();
  });
}
