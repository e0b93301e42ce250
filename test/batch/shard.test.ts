import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../src/batch/shard.js';
import { UsageError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

const usage = (value: string, env: Record<string, string> = {}) => thrown(UsageError, () => parseShard(value, env)).message;

describe('parseShard', () => {
  it('reads K/N counted from 1', () => {
    expect(parseShard('2/8', {})).toEqual({ k: 2, n: 8 });
    expect(parseShard(' 1/1 ', {})).toEqual({ k: 1, n: 1 });
    expect(parseShard('10000/10000', {})).toEqual({ k: 10000, n: 10000 });
  });

  it('refuses what is not K/N with 1 <= K <= N <= 10000, saying what was expected', () => {
    expect(usage('0/4')).toMatch(/K must be from 1 to 4.*counted from 1/);
    expect(usage('5/4')).toMatch(/K must be from 1 to 4/);
    expect(usage('1/0')).toMatch(/from 1 to 10000; found "0"/);
    expect(usage('1/10001')).toMatch(/from 1 to 10000/);
    expect(usage('2')).toMatch(/expects K\/N \(like 2\/8\), auto\/N or auto; found "2"/);
    expect(usage('-1/4')).toMatch(/expects K\/N/);
    expect(usage('1.5/4')).toMatch(/expects K\/N/);
    expect(usage('a/b')).toMatch(/expects K\/N/);
  });

  it('auto/N takes K from the 0-based JOB_COMPLETION_INDEX of a Kubernetes Indexed Job', () => {
    expect(parseShard('auto/8', { JOB_COMPLETION_INDEX: '0' })).toEqual({ k: 1, n: 8 });
    expect(parseShard('auto/8', { JOB_COMPLETION_INDEX: '7' })).toEqual({ k: 8, n: 8 });
    expect(usage('auto/8', { JOB_COMPLETION_INDEX: '8' })).toMatch(/from 0 to 7 for 8 shards; found "8"/);
    expect(usage('auto/8', { JOB_COMPLETION_INDEX: 'x' })).toMatch(/JOB_COMPLETION_INDEX must be a whole number/);
    expect(usage('auto/8')).toMatch(/JOB_COMPLETION_INDEX.*not set here.*--shard K\/N/);
  });

  it('auto takes the count from PLACARD_SHARD_COUNT, and refuses to guess it', () => {
    expect(parseShard('auto', { JOB_COMPLETION_INDEX: '2', PLACARD_SHARD_COUNT: '3' })).toEqual({ k: 3, n: 3 });
    expect(usage('auto', { JOB_COMPLETION_INDEX: '2' })).toMatch(/needs the number of shards.*auto\/N.*PLACARD_SHARD_COUNT=N/);
    expect(usage('auto', { JOB_COMPLETION_INDEX: '2', PLACARD_SHARD_COUNT: 'many' })).toMatch(/PLACARD_SHARD_COUNT: .*found "many"/);
    expect(usage('auto/4', { JOB_COMPLETION_INDEX: '2', PLACARD_SHARD_COUNT: '3' })).toMatch(/disagrees with PLACARD_SHARD_COUNT=3/);
    expect(parseShard('auto/3', { JOB_COMPLETION_INDEX: '2', PLACARD_SHARD_COUNT: '3' })).toEqual({ k: 3, n: 3 });
  });
});

describe('shardOf', () => {
  it('deals records round robin by position, so every record is in exactly one shard and shards differ by at most one', () => {
    const n = 7;
    const sizes = new Array<number>(n + 1).fill(0);
    for (let index = 0; index < 1000; index += 1) {
      const owners = Array.from({ length: n }, (_, k) => k + 1).filter((k) => inShard(index, { k, n }));
      expect(owners).toEqual([shardOf(index, n)]);
      sizes[shardOf(index, n)]! += 1;
    }
    const counts = sizes.slice(1);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(shardOf(0, 3)).toBe(1);
    expect(shardOf(4, 3)).toBe(2);
    expect(inShard(4, undefined)).toBe(true);
  });
});
