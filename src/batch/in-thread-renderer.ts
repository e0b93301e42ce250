import type { Renderer } from '../session/prepare.js';
import type { OutputFolder } from '../write/safe-output.js';
import { renderTask, rowFolder } from './render-task.js';
import type { RenderTask, RowRenderers, TaskResult, WorkerSetup } from './worker-protocol.js';

/**
 * A run of one job renders its rows in the main thread, with the session its
 * plan prepared: no worker to start (and prepare a second session), no
 * messages, one heap. `submit` renders the row and records its result before
 * it returns, then lets the event loop turn (a signal, a journal write, the
 * next rows' bytes), so the run reads, renders and records in one loop.
 */
export class InThreadRenderer implements RowRenderers {
  private closed = false;
  readonly waitedMs = 0;
  private readonly folder: OutputFolder | undefined;

  constructor(
    private readonly renderer: Renderer,
    output: WorkerSetup['output'],
    public onResult: (result: TaskResult) => void,
  ) {
    this.folder = rowFolder(output);
  }

  async submit(task: RenderTask): Promise<void> {
    if (this.closed) throw new Error('the renderer is closed');
    // Pages for the combined file need no copy: the file embeds each face once by its id (draw/pdf-fonts.ts),
    // whether its pages come from this thread or, with a face copied in every message, from a worker.
    this.onResult(await renderTask(this.renderer, this.folder, task));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  drain(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
