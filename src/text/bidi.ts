import bidiFactory from 'bidi-js';
import type { Direction } from './shape.js';

const bidi = bidiFactory();

/** One BMP character per bidi class, to stand in for a character outside the BMP. */
const STAND_INS: Readonly<Record<string, string>> = {
  R: '\u05d0',
  AL: '\u0627',
  EN: '0',
  ES: '+',
  ET: '#',
  AN: '\u0660',
  CS: ',',
  WS: ' ',
  ON: '!',
  BN: '\u200b',
  NSM: '\u0300',
};

/**
 * bidi-js reads UTF-16 units one by one, so both halves of a surrogate pair
 * (most emoji) would count as strong left-to-right letters. Each pair becomes
 * two stand-ins of the character's own bidi class; lengths stay the same.
 */
function withoutSurrogates(text: string): string {
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, (pair) => (STAND_INS[bidi.getBidiCharTypeName(pair)] ?? 'a').repeat(2));
}

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Resolved bidi embedding level of every UTF-16 unit (UAX #9). Isolated
 * parts (business data inside a translated sentence) are wrapped in
 * FSI…PDI, so each takes its direction from its own first strong letter
 * and cannot reorder the sentence around it. `auto` takes the paragraph's
 * direction from its first strong letter.
 */
export function embeddingLevels(parts: readonly { text: string; isolate?: boolean }[], base: Direction | 'auto'): Uint8Array {
  const simple = base === 'rtl' ? undefined : leftToRightLevels(parts);
  if (simple) return simple;
  let marked = '';
  const kept: number[] = [];
  for (const part of parts) {
    if (part.isolate) marked += FSI;
    for (let i = 0; i < part.text.length; i++) kept.push(marked.length + i);
    marked += part.text;
    if (part.isolate) marked += PDI;
  }
  const levels = bidi.getEmbeddingLevels(withoutSurrogates(marked), base === 'auto' ? undefined : base).levels;
  return Uint8Array.from(kept, (index) => levels[index]!);
}

/** Bidi classes that a left-to-right paragraph resolves without any right-to-left level: letters, numbers, neutrals, spaces. */
const LEFT_TO_RIGHT = new Set(['L', 'EN', 'ES', 'ET', 'CS', 'ON', 'WS']);

/**
 * The levels the full algorithm gives a paragraph of left-to-right or
 * neutral characters only (no right-to-left letter, Arabic digit, bidi
 * control, tab, newline or invisible), in a left-to-right or `auto`
 * paragraph: 0, 2 inside an isolate (FSI resolves to LRI), and 0 for the
 * spaces ending the text (rule L1). Undefined for any other text. Most
 * paragraphs of a Latin or CJK notice are such, and the full algorithm was a
 * tenth of laying them out (measured 2026-12-02).
 */
function leftToRightLevels(parts: readonly { text: string; isolate?: boolean }[]): Uint8Array | undefined {
  let length = 0;
  for (const part of parts) length += part.text.length;
  const levels = new Uint8Array(length);
  let at = 0;
  let trailing = 0;
  for (const part of parts) {
    const { text } = part;
    const level = part.isolate ? 2 : 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let space = code === 0x20;
      if (code < 0x21 || code > 0x7e) {
        if (!space) {
          const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
          if (code >= 0xd800 && code <= 0xdfff && !pair) return undefined;
          const type = bidi.getBidiCharTypeName(pair ? text.slice(i, i + 2) : text[i]!);
          if (!LEFT_TO_RIGHT.has(type)) return undefined;
          space = type === 'WS';
          if (pair) {
            levels[at++] = level;
            i++;
          }
        }
      }
      levels[at++] = level;
      if (!space) trailing = at;
    }
  }
  levels.fill(0, trailing);
  return levels;
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
