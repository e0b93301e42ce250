import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * How many worker threads a batch starts by default: the cores this process may use, and no more than a cgroup
 * v2 CPU quota allows (a container limited to 2 CPUs on a 64-core host gets 2, not 64).
 * `os.availableParallelism()` counts the CPUs the process may run on (its affinity), but not a quota.
 */
export function defaultJobs(cpuMax: string | undefined = readCpuMax()): number {
  return Math.max(1, Math.min(availableParallelism(), quotaCpus(cpuMax) ?? Infinity));
}

/** Worker threads for a run of `rows` rows: as asked (or the default), but never more than there are rows. */
export function workerCount(requested: number | undefined, rows: number, cpuMax?: string): number {
  return Math.max(1, Math.min(requested ?? defaultJobs(cpuMax), rows));
}

/** CPUs a cgroup v2 `cpu.max` line allows ("200000 100000" → 2, "150000 100000" → 2, "max 100000" → none). */
export function quotaCpus(cpuMax: string | undefined): number | undefined {
  const match = /^(\d+)\s+(\d+)\s*$/.exec(cpuMax?.trim() ?? '');
  if (!match || Number(match[2]) === 0) return undefined;
  return Math.max(1, Math.ceil(Number(match[1]) / Number(match[2])));
}

function readCpuMax(): string | undefined {
  try {
    return readFileSync('/sys/fs/cgroup/cpu.max', 'utf8');
  } catch {
    return undefined;
  }
}
