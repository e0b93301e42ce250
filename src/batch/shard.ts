import { UsageError } from '../errors.js';

/** Shard K of N, both counted from 1. */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

export const MAX_SHARDS = 10_000;

/** The environment variable that gives the shard count to `--shard auto`. */
export const SHARD_COUNT_VARIABLE = 'PLACARD_SHARD_COUNT';

/**
 * Reads `--shard`:
 * - `K/N`: shard K of N, with 1 <= K <= N <= 10000 (`--shard 2/8`);
 * - `auto/N`: K comes from `JOB_COMPLETION_INDEX`, which a Kubernetes Indexed Job sets to 0 … N-1 in each pod,
 *   so K = JOB_COMPLETION_INDEX + 1 (`--shard auto/8` beside `completions: 8`);
 * - `auto`: the same, with N from the `PLACARD_SHARD_COUNT` variable, for a job spec that sets the count once
 *   in `env` (Kubernetes does not hand the completion count to the pod by itself).
 *
 * Anything else, a missing or out-of-range index, or an `auto/N` that disagrees with `PLACARD_SHARD_COUNT`,
 * is a usage error that says what was expected.
 */
export function parseShard(value: string, env: Readonly<Record<string, string | undefined>>): Shard {
  const text = value.trim();
  const auto = /^auto(?:\/(.*))?$/i.exec(text);
  if (auto) return autoShard(auto[1], env);
  const parts = /^(\d+)\/(\d+)$/.exec(text);
  if (!parts) throw new UsageError(`--shard expects K/N (like 2/8), auto/N or auto; found "${value}"`);
  const n = count(parts[2]!, `--shard ${value}`);
  const k = Number(parts[1]);
  if (k < 1 || k > n) throw new UsageError(`--shard ${value}: K must be from 1 to ${n}; shards are counted from 1, as in 1/${n}`);
  return { k, n };
}

function autoShard(countText: string | undefined, env: Readonly<Record<string, string | undefined>>): Shard {
  const fromEnv = env[SHARD_COUNT_VARIABLE];
  if (countText === undefined && (fromEnv === undefined || fromEnv === '')) {
    throw new UsageError(
      `--shard auto needs the number of shards: give it as --shard auto/N (like auto/8) or set ${SHARD_COUNT_VARIABLE}=N`,
    );
  }
  const n = count(countText ?? fromEnv!, countText !== undefined ? `--shard auto/${countText}` : SHARD_COUNT_VARIABLE);
  if (countText !== undefined && fromEnv !== undefined && fromEnv !== '' && fromEnv.trim() !== String(n)) {
    throw new UsageError(`--shard auto/${countText} disagrees with ${SHARD_COUNT_VARIABLE}=${fromEnv}; give the count once`);
  }
  const index = env.JOB_COMPLETION_INDEX;
  if (index === undefined || index === '') {
    throw new UsageError(
      '--shard auto reads its shard from JOB_COMPLETION_INDEX, which a Kubernetes Indexed Job sets; it is not set here. ' +
        'Outside Kubernetes, give the shard as --shard K/N',
    );
  }
  if (!/^\d+$/.test(index.trim()) || Number(index) >= n) {
    throw new UsageError(`JOB_COMPLETION_INDEX must be a whole number from 0 to ${n - 1} for ${n} shards; found "${index}"`);
  }
  return { k: Number(index) + 1, n };
}

function count(text: string, where: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > MAX_SHARDS) {
    throw new UsageError(`${where}: the number of shards must be a whole number from 1 to ${MAX_SHARDS}; found "${text}"`);
  }
  return Number(text);
}

/**
 * The shard a record belongs to: `(index mod N) + 1`, where `index` counts the input's records from 0 in file
 * order (for a CSV without blank lines, index = spreadsheet row − 2). Round robin on position is stable (the
 * same input always splits the same way), balanced to within one row, and needs nothing from the row itself,
 * so rows without an id, or with the same id, are placed like any other. A hash of the id would keep a row's
 * shard when rows are inserted above it, but shards of one run always read the same input (`manifest merge`
 * checks the input's sha256), so that buys nothing.
 */
export function shardOf(index: number, n: number): number {
  return (index % n) + 1;
}

export function inShard(index: number, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(index, shard.n) === shard.k;
}

/** `3/8`, as the user writes it. */
export function formatShard(shard: Shard): string {
  return `${shard.k}/${shard.n}`;
}
