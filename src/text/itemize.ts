import { embeddingLevels } from './bidi.js';
import { chooseFonts } from './font-choice.js';
import type { FontChain } from '../fonts/font-set.js';
import type { LoadedFont } from '../fonts/loaded-font.js';
import type { Direction } from './shape.js';

/** A span of a paragraph's text for itemizing: its text, weight and whether it is a bidi isolate. */
interface ItemSpan {
  readonly text: string;
  readonly bold: boolean;
  readonly isolate?: boolean;
}

/** A stretch of a paragraph's logical text in one font at one bidi level. */
export interface FontRun {
  readonly start: number;
  readonly end: number;
  readonly font: LoadedFont;
  readonly level: number;
}

/**
 * Items of one font and one bidi level. `memo` is the session's cache for
 * this chain (the same paragraphs recur, at every auto-fit step too).
 */
export function itemize(
  text: string,
  parts: readonly ItemSpan[],
  direction: Direction | 'auto',
  chain: FontChain,
  memo?: (key: string, make: () => FontRun[]) => FontRun[],
): FontRun[] {
  if (!memo) return itemizeUncached(text, parts, direction, chain);
  const key = `${direction}\u0000${parts.map((part) => `${part.bold ? 'b' : ''}${part.isolate ? 'i' : ''}\u0001${part.text}`).join('\u0002')}`;
  return memo(key, () => itemizeUncached(text, parts, direction, chain));
}

function itemizeUncached(text: string, parts: readonly ItemSpan[], direction: Direction | 'auto', chain: FontChain): FontRun[] {
  const chars: string[] = [];
  const bold: boolean[] = [];
  for (const part of parts) {
    for (const char of part.text) {
      chars.push(char);
      bold.push(part.bold);
    }
  }
  const fonts = chooseFonts(chars, bold, chain);
  const levels = embeddingLevels(parts, direction);
  const items: FontRun[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || fonts[i] !== fonts[start] || levels[i] !== levels[start]) {
      items.push({ start, end: i, font: fonts[start]!, level: levels[start]! });
      start = i;
    }
  }
  return items;
}

/** The parts of items inside [start, end). */
export function pieces(items: readonly FontRun[], start: number, end: number): FontRun[] {
  return items
    .filter((item) => item.end > start && item.start < end)
    .map((item) => ({ ...item, start: Math.max(item.start, start), end: Math.min(item.end, end) }));
}
