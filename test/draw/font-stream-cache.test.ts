import { describe, expect, it } from 'vitest';
import type { LoadedFont } from '../../src/fonts/loaded-font.js';
import { FontStreamCache, type EntrySet, type FontStreams } from '../../src/draw/font-stream-cache.js';

const font = {} as LoadedFont;
const set = (hash: number, ...keys: string[]): EntrySet => ({ raised: false, keys, hash });
const streams = (bytes: number): FontStreams => ({ fontFile: new Uint8Array(bytes), toUnicode: new Uint8Array(0), widths: '' });

/** Takes each set in turn and says which were made (not found kept). */
function made(cache: FontStreamCache, sets: readonly EntrySet[], bytes = 100): number[] {
  const out: number[] = [];
  sets.forEach((entries, index) => cache.take(font, entries, () => (out.push(index), streams(bytes))));
  return out;
}

describe('FontStreamCache', () => {
  it('finds a set kept before, by its entries in their order, and not another with the same hash', () => {
    const cache = new FontStreamCache();
    expect(made(cache, [set(1, 'a', 'b'), set(1, 'a', 'b'), set(1, 'b', 'a'), set(2, 'a', 'b'), set(1, 'b', 'a')])).toEqual([0, 2, 3]);
  });

  it('keeps at most its number of sets, dropping the oldest first', () => {
    const cache = new FontStreamCache(2);
    expect(made(cache, [set(1, 'a'), set(2, 'b'), set(3, 'c'), set(2, 'b'), set(1, 'a')])).toEqual([0, 1, 2, 4]);
  });

  it('keeps at most its number of bytes, dropping the oldest first, and always the newest set', () => {
    // Each set: 100 bytes of streams and one key of one character (2 × 1 + 16), 118 bytes.
    const cache = new FontStreamCache(512, 250);
    expect(made(cache, [set(1, 'a'), set(2, 'b'), set(3, 'c'), set(2, 'b'), set(1, 'a')])).toEqual([0, 1, 2, 4]);
    const small = new FontStreamCache(512, 10);
    expect(made(small, [set(1, 'a'), set(1, 'a')], 1000)).toEqual([0]);
  });
});
