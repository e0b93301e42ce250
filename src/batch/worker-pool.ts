import { Worker } from 'node:worker_threads';
import type { RenderTask, TaskResult } from './worker-protocol.js';

/**
 * A worker's young and old heaps, kept small so the garbage collector runs
 * before memory grows: a notice needs a few megabytes, and a batch of 10,000
 * should peak where one of 1,000 does.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

interface Slot {
  worker: Worker;
  task: RenderTask | undefined;
}

/**
 * A fixed pool of worker threads pulling rows one at a time. `submit` waits
 * for a free worker, so the reader never runs far ahead of rendering. A
 * worker that dies (a crash, out of memory) gives its row back as an
 * internal failure and is replaced; the run goes on.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private busy = 0;
  private idle: (() => void) | undefined;
  private deathsInARow = 0;
  private closed = false;

  constructor(
    size: number,
    private readonly file: string,
    private readonly data: unknown,
    private readonly onResult: (result: TaskResult) => void,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  /** Hands the task to the next free worker, waiting for one if all are busy. */
  async submit(task: RenderTask): Promise<void> {
    let slot = this.slots.find((candidate) => !candidate.task);
    while (!slot) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      slot = this.slots.find((candidate) => !candidate.task);
    }
    slot.task = task;
    this.busy++;
    slot.worker.postMessage(task);
  }

  /** Resolves when every submitted task has its result. */
  drain(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => (this.idle = resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(this.file, { workerData: this.data, resourceLimits: WORKER_LIMITS }), task: undefined };
    slot.worker.on('message', (result: TaskResult) => {
      this.deathsInARow = 0;
      this.finish(slot, result);
    });
    const died = (why: string): void => {
      if (this.closed || !this.slots.includes(slot)) return;
      if (++this.deathsInARow > 3 * this.slots.length) throw new Error(`batch workers keep stopping (${why})`);
      this.slots[this.slots.indexOf(slot)] = this.start();
      const task = slot.task;
      if (task) this.finish(slot, { kind: 'internal', index: task.index, message: `the worker rendering this row stopped: ${why}` });
    };
    slot.worker.on('error', (error) => died(error.message));
    slot.worker.on('exit', (code) => died(`exit code ${code}`));
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
