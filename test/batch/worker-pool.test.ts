import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROWS_AHEAD, rowsAhead, WorkerPool } from '../../src/batch/worker-pool.js';
import type { TaskResult } from '../../src/batch/worker-protocol.js';

const WORKER = fileURLToPath(new URL('./fixtures/echo-worker.mjs', import.meta.url));

describe('WorkerPool', () => {
  it('gives every task one result, even when a worker dies holding a row, and goes on with a new worker', async () => {
    const results: TaskResult[] = [];
    const pool = new WorkerPool(2, WORKER, undefined, (result) => results.push(result));
    for (let index = 0; index < 12; index++) await pool.submit({ index, record: { die: index === 4 || index === 9 } });
    await pool.drain();
    await pool.close();
    expect(results.map((result) => result.index).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    const died = results.filter((result) => result.kind === 'internal');
    expect(died.map((result) => result.index).sort((a, b) => a - b)).toEqual([4, 9]);
    expect(died[0]!.kind === 'internal' && died[0]!.message).toMatch(/the worker rendering this row stopped: exit code 7/);
  });

  it('reports rows that run a worker out of memory as row problems, however many come in a row, and goes on', async () => {
    const results: TaskResult[] = [];
    const pool = new WorkerPool(1, WORKER, undefined, (result) => results.push(result), {
      maxOldGenerationSizeMb: 16,
      maxYoungGenerationSizeMb: 4,
    });
    for (let index = 0; index < 7; index++) await pool.submit({ index, record: { hog: index >= 1 && index <= 5 } });
    await pool.drain();
    await pool.close();
    expect(results.map((result) => [result.index, result.kind]).sort()).toEqual([
      [0, 'done'],
      [1, 'problems'],
      [2, 'problems'],
      [3, 'problems'],
      [4, 'problems'],
      [5, 'problems'],
      [6, 'done'],
    ]);
    const problem = results.find((result) => result.kind === 'problems');
    expect(problem?.kind === 'problems' && problem.problems[0]!.message).toMatch(/needs more memory than a batch worker has \(20 MB\)/);
  }, 60_000);

  it('stops with an error, not a crash, when workers keep dying for no row', async () => {
    const pool = new WorkerPool(1, fileURLToPath(new URL('./fixtures/no-such-worker.mjs', import.meta.url)), undefined, () => undefined);
    await expect(
      (async () => {
        for (let index = 0; index < 20; index++) await pool.submit({ index, record: {} });
        await pool.drain();
      })(),
    ).rejects.toThrow(/batch workers keep stopping/);
    await pool.close();
  }, 60_000);

  it('keeps each worker ROWS_AHEAD rows ahead, and never holds more', async () => {
    let inFlight = 0;
    let most = 0;
    const pool = new WorkerPool(3, WORKER, undefined, () => inFlight--);
    for (let index = 0; index < 40; index++) {
      await pool.submit({ index, record: {} });
      most = Math.max(most, ++inFlight);
    }
    await pool.drain();
    await pool.close();
    expect(most).toBe(3 * ROWS_AHEAD);
  });

  it('holds fewer rows ahead on a short run, so a few heavy rows do not queue behind one worker', () => {
    expect([rowsAhead(7, 2), rowsAhead(40, 2), rowsAhead(1000, 2), rowsAhead(0, 1)]).toEqual([1, 2, ROWS_AHEAD, 1]);
  });
});
