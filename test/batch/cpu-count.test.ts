import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultJobs, quotaCpus, workerCount } from '../../src/batch/cpu-count.js';

describe('worker threads for a batch', () => {
  it('never starts more workers than rows', () => {
    expect(workerCount(64, 5)).toBe(5);
    expect(workerCount(2, 5)).toBe(2);
    expect(workerCount(undefined, 1, '800000 100000')).toBe(1);
    expect(workerCount(8, 0)).toBe(1);
  });

  it('reads a cgroup v2 CPU quota, rounding a part of a CPU up', () => {
    expect(quotaCpus('200000 100000\n')).toBe(2);
    expect(quotaCpus('150000 100000')).toBe(2);
    expect(quotaCpus('50000 100000')).toBe(1);
    expect(quotaCpus('max 100000')).toBeUndefined();
    expect(quotaCpus(undefined)).toBeUndefined();
  });

  it('defaults to the cores the process may use, within the quota', () => {
    expect(defaultJobs('100000 100000')).toBe(1);
    expect(defaultJobs('max 100000')).toBe(availableParallelism());
    expect(defaultJobs(`${100000 * (availableParallelism() + 8)} 100000`)).toBe(availableParallelism());
  });
});
