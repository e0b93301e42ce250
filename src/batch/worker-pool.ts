import { Worker } from 'node:worker_threads';
import type { RenderTask, RowRenderers, TaskResult } from './worker-protocol.js';

/**
 * A worker's young and old heaps, kept small so the garbage collector runs
 * before memory grows: a notice needs a few megabytes, and a batch of 10,000
 * should peak where one of 1,000 does.
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

/**
 * Rows a worker holds at once: the one it renders and the next ones, so it
 * never waits for the main thread between rows (on a busy machine the main
 * thread may wait milliseconds for a core before it can answer a result).
 */
export const ROWS_AHEAD = 4;

/**
 * Rows each worker holds for a run of `rows` rows on `workers` workers: `ROWS_AHEAD` for a long run, fewer for a
 * short one, down to one at a time, so a few heavy rows (a business packet) are not queued behind one worker
 * while another is free.
 */
export function rowsAhead(rows: number, workers: number): number {
  return Math.max(1, Math.min(ROWS_AHEAD, Math.floor(rows / (8 * workers))));
}

interface Slot {
  worker: Worker;
  /** The rows sent to this worker and not answered yet, in the order it renders them. */
  readonly tasks: RenderTask[];
  /** Rows given to this worker in this turn of the event loop, sent together in one message. */
  outbox: RenderTask[];
  /** When the worker answered its last row with none behind it (it waits for the main thread since). */
  emptySince?: number;
}

/**
 * A fixed pool of worker threads, each holding up to `ROWS_AHEAD` rows.
 * `submit` waits while every worker is full, so the reader never runs far
 * ahead of rendering; the rows given in one turn of the event loop go to a
 * worker as one message (an array), and a worker renders them in order and
 * answers each as soon as it is done. A worker that dies is replaced and the
 * run goes on: the row it was rendering (the first it had not answered) comes
 * back as a row problem if it ran out of memory (a notice too large to make),
 * as an internal failure if it died otherwise, and the rows behind it go to
 * the new worker. Workers that keep dying for no row's sake (more than three
 * times the pool's size in a row) make `submit` and `drain` reject, so the
 * run stops with a message, not a crash.
 */
export class WorkerPool implements RowRenderers {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private busy = 0;
  private idle: ((error?: Error) => void) | undefined;
  private deathsInARow = 0;
  private closed = false;
  private broken: Error | undefined;
  private flushing = false;
  /** Milliseconds workers sat with no row between two rows: the time lost waiting for the main thread. */
  waitedMs = 0;

  constructor(
    size: number,
    private readonly file: string,
    private readonly data: unknown,
    /** Where results go; a run that starts its pool early sets it once it is ready for them. */
    public onResult: (result: TaskResult) => void,
    private readonly limits: typeof WORKER_LIMITS = WORKER_LIMITS,
    private ahead: number = ROWS_AHEAD,
  ) {
    this.grow(size);
  }

  /**
   * Starts workers until there are `size` (a run starts one early, to prepare its session while the rows are
   * counted), each to hold up to `ahead` rows from now on.
   */
  grow(size: number, ahead = this.ahead): void {
    this.ahead = ahead;
    while (this.slots.length < size && !this.closed) this.slots.push(this.start([]));
  }

  /** Hands the task to the least busy worker, waiting while every worker holds `ahead` rows. */
  async submit(task: RenderTask): Promise<void> {
    let slot = this.freeSlot();
    while (!slot) {
      this.check();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      slot = this.freeSlot();
    }
    this.check();
    slot.tasks.push(task);
    slot.outbox.push(task);
    this.busy++;
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => this.flush());
    }
  }

  /** Whether `submit` would hand a task over at once (or throw, for a pool that is broken or closed) rather than wait. */
  hasRoom(): boolean {
    return this.broken !== undefined || this.closed || this.freeSlot() !== undefined;
  }

  /** Posts the tasks submitted in this turn of the event loop now, not at its end (before this thread gets busy). */
  post(): void {
    if (this.flushing) this.flush();
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

  private check(): void {
    if (this.broken) throw this.broken;
    if (this.closed) throw new Error('the worker pool is closed');
  }

  private freeSlot(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.slots) if (slot.tasks.length < this.ahead && (!best || slot.tasks.length < best.tasks.length)) best = slot;
    return best;
  }

  private flush(): void {
    this.flushing = false;
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.outbox.length === 0) continue;
      if (slot.emptySince !== undefined) this.waitedMs += performance.now() - slot.emptySince;
      slot.emptySince = undefined;
      slot.worker.postMessage(slot.outbox);
      slot.outbox = [];
    }
  }

  /** A new worker, given `tasks` (the rows a dead worker held) to render first. */
  private start(tasks: RenderTask[]): Slot {
    const worker = new Worker(this.file, { workerData: this.data, resourceLimits: this.limits });
    const slot: Slot = { worker, tasks, outbox: [] };
    if (tasks.length > 0) worker.postMessage(tasks);
    worker.on('message', (result: TaskResult) => {
      this.deathsInARow = 0;
      this.finish(slot, result);
    });
    worker.on('error', (error) => this.died(slot, error.message, (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'));
    worker.on('exit', (code) => this.died(slot, `exit code ${code}`, false));
    return slot;
  }

  private died(slot: Slot, why: string, outOfMemory: boolean): void {
    if (this.closed || this.broken || !this.slots.includes(slot)) return;
    const [task, ...behind] = slot.tasks;
    // Running out of memory on a row is that row's doing; anything else, again and again, is the pool's.
    if (!(outOfMemory && task) && ++this.deathsInARow > 3 * this.slots.length) {
      this.broken = new Error(`batch workers keep stopping (${why})`);
      for (const wake of this.waiting.splice(0)) wake();
      this.idle?.(this.broken);
      return;
    }
    // Rows not yet posted are posted with the rest, to the new worker.
    const replacement = this.start(behind);
    this.slots[this.slots.indexOf(slot)] = replacement;
    if (!task) return;
    this.busy--;
    if (outOfMemory) {
      const heap = this.limits.maxOldGenerationSizeMb + this.limits.maxYoungGenerationSizeMb;
      const message = `this notice needs more memory than a batch worker has (${heap} MB): it is far too long to print; shorten its longest fields`;
      this.answer({ kind: 'problems', index: task.index, problems: [{ message }] });
    } else this.answer({ kind: 'internal', index: task.index, message: `the worker rendering this row stopped: ${why}` });
  }

  private finish(slot: Slot, result: TaskResult): void {
    const at = slot.tasks.findIndex((task) => task.index === result.index);
    if (at < 0) return;
    slot.tasks.splice(at, 1);
    if (slot.tasks.length === 0) slot.emptySince = performance.now();
    this.busy--;
    this.answer(result);
  }

  private answer(result: TaskResult): void {
    this.onResult(result);
    this.waiting.shift()?.();
    if (this.busy === 0) this.idle?.();
  }
}
