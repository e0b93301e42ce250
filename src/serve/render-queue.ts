import { HttpError } from './http-basics.js';

export interface QueueLimits {
  /** Tasks run at once: the server gives one per render thread. */
  readonly concurrency: number;
  /** Tasks that may wait; one more is refused with 429 at once. */
  readonly maxWaiting: number;
  /** How long a task may wait for its turn before it is refused with 503. */
  readonly waitMs: number;
}

interface Waiting {
  readonly start: () => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * The one queue every render goes through: a flood of requests waits its
 * turn (bounded), and past the bound is told to come back later (429),
 * so the server slows down instead of running out of memory.
 */
export class RenderQueue {
  private running = 0;
  private readonly waiting: Waiting[] = [];

  constructor(private readonly limits: QueueLimits) {}

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `task` when its turn comes; `signal` (the client went away) drops it from the queue. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.turn(signal);
    try {
      return await task();
    } finally {
      this.running--;
      this.next();
    }
  }

  private turn(signal?: AbortSignal): Promise<void> {
    if (this.running < this.limits.concurrency && this.waiting.length === 0) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.maxWaiting) {
      return Promise.reject(new HttpError(429, 'the server is busy making other notices; try again in a moment', { 'Retry-After': '2' }));
    }
    return new Promise((resolve, reject) => {
      const leave = (error: Error): void => {
        const at = this.waiting.indexOf(entry);
        if (at >= 0) this.waiting.splice(at, 1);
        clearTimeout(entry.timer);
        reject(error);
      };
      const entry: Waiting = {
        start: () => {
          clearTimeout(entry.timer);
          signal?.removeEventListener('abort', onAbort);
          this.running++;
          resolve();
        },
        timer: setTimeout(
          () => leave(new HttpError(503, 'the server is too busy to make this notice now; try again later', { 'Retry-After': '5' })),
          this.limits.waitMs,
        ),
      };
      const onAbort = (): void => leave(new HttpError(499, 'the request was cancelled'));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private next(): void {
    while (this.running < this.limits.concurrency && this.waiting.length > 0) this.waiting.shift()!.start();
  }
}
