import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/serve/http-basics.js';
import { RenderQueue } from '../../src/serve/render-queue.js';

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('RenderQueue', () => {
  it('runs one task at a time, in order, and refuses past the bound with 429', async () => {
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 2, waitMs: 60_000 });
    const first = gate();
    const order: number[] = [];
    const running = [
      queue.run(async () => {
        await first.promise;
        order.push(1);
      }),
      queue.run(async () => void order.push(2)),
      queue.run(async () => void order.push(3)),
    ];
    expect(queue.size).toEqual({ running: 1, waiting: 2 });
    const refused = await queue.run(async () => 'never').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(429);
    expect((refused as HttpError).headers['Retry-After']).toBe('2');
    first.open();
    await Promise.all(running);
    expect(order).toEqual([1, 2, 3]);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it('drops a task whose client went away, and one that waited too long', async () => {
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 4, waitMs: 50 });
    const first = gate();
    const busy = queue.run(() => first.promise);
    const gone = new AbortController();
    const cancelled = queue.run(async () => 'ran', gone.signal).catch((error: HttpError) => error.status);
    gone.abort();
    expect(await cancelled).toBe(499);
    const late = await queue.run(async () => 'ran').catch((error: HttpError) => error.status);
    expect(late).toBe(503);
    first.open();
    await busy;
    expect(await queue.run(async () => 'ran')).toBe('ran');
  });

  it('frees its place when a task fails', async () => {
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 1, waitMs: 60_000 });
    await expect(queue.run(async () => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });
});
