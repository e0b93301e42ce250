import type { InThreadRenderer } from './in-thread-renderer.js';
import type { WorkerPool } from './worker-pool.js';
import type { RenderTask, RowRenderers, TaskResult } from './worker-protocol.js';

/**
 * A run of several jobs: the main thread is one of them, beside a pool of
 * worker threads. A row goes to a worker while one has room; when every
 * worker holds its rows ahead, the main thread renders the row itself (after
 * posting what it gave the workers, so they never wait for it), then takes
 * their results. The main thread thus spends on rows the time it would sit
 * idle, and a run of N jobs starts N - 1 workers, each preparing a session of
 * its own, instead of N.
 */
export class MainAndWorkers implements RowRenderers {
  constructor(
    private readonly pool: WorkerPool,
    private readonly main: InThreadRenderer,
  ) {}

  set onResult(onResult: (result: TaskResult) => void) {
    this.pool.onResult = onResult;
    this.main.onResult = onResult;
  }

  get onResult(): (result: TaskResult) => void {
    return this.main.onResult;
  }

  get waitedMs(): number {
    return this.pool.waitedMs;
  }

  submit(task: RenderTask): Promise<void> {
    if (this.pool.hasRoom()) return this.pool.submit(task);
    this.pool.post();
    return this.main.submit(task);
  }

  async drain(): Promise<void> {
    await Promise.all([this.pool.drain(), this.main.drain()]);
  }

  async close(): Promise<void> {
    await Promise.all([this.main.close(), this.pool.close()]);
  }
}
