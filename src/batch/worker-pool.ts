import { Worker } from 'node:worker_threads';
import type { RenderTask, TaskResult } from './worker-protocol.js';

/**
 * A worker's young and old heaps, kept small so the garbage collector runs
 * before memory grows: a notice needs a few megabytes, and a batch of 10,000
 * should peak where one of 1,000 does.
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

interface Slot {
  worker: Worker;
  task: RenderTask | undefined;
}

/**
 * A fixed pool of worker threads pulling rows one at a time. `submit` waits
 * for a free worker, so the reader never runs far ahead of rendering. A
 * worker that dies is replaced and the run goes on: one that ran out of
 * memory gives its row back as a row problem (a notice too large to make),
 * one that died otherwise as an internal failure. Workers that keep dying
 * for no row's sake (more than three times the pool's size in a row) make
 * `submit` and `drain` reject, so the run stops with a message, not a crash.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private busy = 0;
  private idle: ((error?: Error) => void) | undefined;
  private deathsInARow = 0;
  private closed = false;
  private broken: Error | undefined;

  constructor(
    size: number,
    private readonly file: string,
    private readonly data: unknown,
    private readonly onResult: (result: TaskResult) => void,
    private readonly limits: typeof WORKER_LIMITS = WORKER_LIMITS,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  /** Hands the task to the next free worker, waiting for one if all are busy. */
  async submit(task: RenderTask): Promise<void> {
    let slot = this.slots.find((candidate) => !candidate.task);
    while (!slot) {
      if (this.broken) throw this.broken;
      if (this.closed) throw new Error('the worker pool is closed');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      slot = this.slots.find((candidate) => !candidate.task);
    }
    if (this.broken) throw this.broken;
    if (this.closed) throw new Error('the worker pool is closed');
    slot.task = task;
    this.busy++;
    slot.worker.postMessage(task);
  }

  /** Resolves when every submitted task has its result. */
  drain(): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve, reject) => (this.idle = (error) => (error ? reject(error) : resolve())));
  }

  /** Stops every worker (rows in flight get no result) and releases anyone waiting in `submit`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(this.file, { workerData: this.data, resourceLimits: this.limits }), task: undefined };
    slot.worker.on('message', (result: TaskResult) => {
      this.deathsInARow = 0;
      this.finish(slot, result);
    });
    const died = (why: string, outOfMemory: boolean): void => {
      if (this.closed || this.broken || !this.slots.includes(slot)) return;
      const task = slot.task;
      // Running out of memory on a row is that row's doing; anything else, again and again, is the pool's.
      if (!(outOfMemory && task) && ++this.deathsInARow > 3 * this.slots.length) {
        this.broken = new Error(`batch workers keep stopping (${why})`);
        for (const wake of this.waiting.splice(0)) wake();
        this.idle?.(this.broken);
        return;
      }
      this.slots[this.slots.indexOf(slot)] = this.start();
      if (!task) return;
      if (outOfMemory) {
        const heap = this.limits.maxOldGenerationSizeMb + this.limits.maxYoungGenerationSizeMb;
        const message = `this notice needs more memory than a batch worker has (${heap} MB): it is far too long to print; shorten its longest fields`;
        this.finish(slot, { kind: 'problems', index: task.index, problems: [{ message }] });
      } else this.finish(slot, { kind: 'internal', index: task.index, message: `the worker rendering this row stopped: ${why}` });
    };
    slot.worker.on('error', (error) => died(error.message, (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'));
    slot.worker.on('exit', (code) => died(`exit code ${code}`, false));
    return slot;
  }

  private finish(slot: Slot, result: TaskResult): void {
    if (!slot.task) return;
    slot.task = undefined;
    this.busy--;
    this.onResult(result);
    this.waiting.shift()?.();
    if (this.busy === 0) this.idle?.();
  }
}
