import bidiFactory from 'bidi-js';
import type { Direction } from './shape.js';

const bidi = bidiFactory();

/** Resolved bidi embedding level of every UTF-16 unit (UAX #9). */
export function embeddingLevels(text: string, direction: Direction): Uint8Array {
  return bidi.getEmbeddingLevels(text, direction).levels;
}

/**
 * UAX #9 rule L2 on whole runs: from the highest level down to the lowest odd
 * level, reverse every maximal sequence of runs at that level or higher.
 * Returns a new array in visual (left-to-right) order.
 */
export function reorderRuns<T extends { readonly level: number }>(runs: readonly T[]): T[] {
  const visual = [...runs];
  if (visual.length < 2) return visual;
  const levels = visual.map((run) => run.level);
  const highest = Math.max(...levels);
  const lowestOdd = Math.min(...levels.filter((level) => level % 2 === 1));
  if (!Number.isFinite(lowestOdd)) return visual;
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0;
    while (i < visual.length) {
      if (visual[i]!.level < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < visual.length && visual[end]!.level >= level) end++;
      const reversed = visual.slice(i, end).reverse();
      visual.splice(i, end - i, ...reversed);
      i = end;
    }
  }
  return visual;
}
