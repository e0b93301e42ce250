import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/batch/worker-pool.js';
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

  it('never holds more tasks than it has workers', async () => {
    let inFlight = 0;
    let most = 0;
    const pool = new WorkerPool(3, WORKER, undefined, () => inFlight--);
    for (let index = 0; index < 20; index++) {
      await pool.submit({ index, record: {} });
      most = Math.max(most, ++inFlight);
    }
    await pool.drain();
    await pool.close();
    expect(most).toBeLessThanOrEqual(3);
  });
});
