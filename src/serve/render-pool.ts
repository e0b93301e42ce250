import { Worker } from 'node:worker_threads';
import { HttpError } from './http-basics.js';
import type { RenderAnswer, RenderJob } from './worker-messages.js';
import { serveWorkerFile } from './worker-file.js';

/** A render worker's heaps: room for a few prepared sessions (fonts of several scripts) and one notice at a time. */
export const RENDER_WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

interface Slot {
  worker: Worker;
  job?: { resolve: (answer: RenderAnswer) => void; reject: (error: Error) => void };
}

/**
 * The server's render threads: each job goes to an idle worker, so the main
 * thread only reads requests and sends answers, however long a render takes.
 * The render queue in front decides who goes next and never hands out more
 * jobs than there are workers. A worker that dies is replaced at once; the
 * request it was serving gets a 400 when it ran out of memory (a notice far
 * too long) and a 500 otherwise.
 *
 * Not batch's WorkerPool: that one serves a run (one session, rows by index,
 * and it gives up after repeated deaths), where a server needs one answer per
 * request, a session per request, and must keep going.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private closed = false;

  constructor(
    readonly size: number,
    private readonly log: (line: string) => void,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  run(job: RenderJob): Promise<RenderAnswer> {
    const slot = this.slots.find((candidate) => !candidate.job);
    if (this.closed || !slot) return Promise.reject(new HttpError(503, 'the server is stopping or too busy; try again in a moment'));
    return new Promise((resolve, reject) => {
      slot.job = { resolve, reject };
      slot.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(serveWorkerFile('render-worker'), { resourceLimits: RENDER_WORKER_LIMITS }) };
    slot.worker.on('message', (answer: RenderAnswer) => {
      const job = slot.job;
      slot.job = undefined;
      job?.resolve(answer);
    });
    let gone = false;
    const died = (error: Error | undefined): void => {
      if (gone) return;
      gone = true;
      const job = slot.job;
      slot.job = undefined;
      if (this.closed) return job?.reject(new HttpError(503, 'the server is stopping'));
      this.log(`placard serve: a render worker stopped: ${error?.stack ?? 'it exited'}`);
      this.slots[this.slots.indexOf(slot)] = this.start();
      if (!job) return;
      if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        job.reject(new HttpError(400, 'this notice needs more memory than the server gives one notice: shorten its longest fields'));
      } else job.reject(error ?? new Error('a render worker exited'));
    };
    slot.worker.on('error', died);
    slot.worker.on('exit', () => died(undefined));
    return slot;
  }
}
