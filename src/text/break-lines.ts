import { takesHyphen, wordBoundaries, type BreakOpportunity } from './line-breaks.js';

/** One line of a paragraph: [start, end) of the logical text. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
  /** The line ends inside a word of a script that hyphenates: a hyphen is drawn after it. */
  readonly hyphen: boolean;
}

export interface BreakRules {
  /** Ranges [start, end) kept on one line unless they cannot fit on a line of their own (names, links, emails). */
  readonly keep: readonly (readonly [number, number])[];
  /** The last line holds at least this many letters where the text allows (a title: no lone character). */
  readonly minLastLineChars: number;
  /** The last line holds at least this many words where the text allows (sign text: "inmigración." alone is an orphan, however long). */
  readonly minLastLineWords?: number;
  /** Lines of even length: the narrowest measure that keeps the same number of lines. */
  readonly balance: boolean;
}

export interface Measurer {
  /** Width in points of the text [start, end). */
  (start: number, end: number): number;
  /** Width of the hyphen drawn after a word broken at `position`. */
  readonly hyphen: (position: number) => number;
}

export interface BrokenLines {
  readonly lines: readonly LineRange[];
  /** A word was wider than the line and was broken inside. */
  readonly brokeWord: boolean;
  /** A kept range (a name, a link) was wider than the line and broken between its words. */
  readonly brokeKept: boolean;
}

/** A piece lines may end after: at a break opportunity ('word') or, in a word too wide for a line, inside it ('inner'). */
interface Unit {
  readonly start: number;
  readonly end: number;
  readonly kind: 'word' | 'inner';
  readonly required: boolean;
  /** The first piece of a word or kept range too wide for a line: it starts a line of its own (fill). */
  readonly fresh?: boolean;
}

const TRAILING = /[\s\u200b]+$/u;
const EPSILON = 1e-9;
/** A last line of one word shorter than this many letters is a lone word, to avoid. */
const LONE_WORD = 8;

export function trimmedEnd(text: string, start: number, end: number): number {
  const match = TRAILING.exec(text.slice(start, end));
  return match ? end - match[0].length : end;
}

/**
 * Greedy line filling over break opportunities (see line-breaks.ts), with
 * kept ranges held together, last-resort breaks inside too-wide words
 * (syllable boundaries, a hyphen where the script uses one), no lone short
 * word or character on the last line where the text allows, and optional
 * balancing.
 */
export function breakLines(
  text: string,
  width: number,
  measure: Measurer,
  rules: BreakRules,
  opportunities: readonly BreakOpportunity[],
): BrokenLines {
  // Balancing tries thirteen widths, and avoidLonely counts the letters of the same last lines at each.
  const counted = new Map<string, number>();
  const letterCount = (part: string): number => {
    let count = counted.get(part);
    if (count === undefined) {
      count = letters(part);
      counted.set(part, count);
    }
    return count;
  };
  const at = (measureWidth: number): BrokenLines => {
    const { units, brokeWord, brokeKept } = unitsFor(text, opportunities, measureWidth, measure, rules.keep);
    const least = { chars: rules.minLastLineChars, words: rules.minLastLineWords ?? 1 };
    const lines = avoidLonely(fill(units, text, measureWidth, measure), units, text, measureWidth, measure, least, letterCount);
    return { lines, brokeWord, brokeKept };
  };
  const full = at(width);
  if (!rules.balance || full.lines.length < 2) return full;
  let low = 0;
  let high = width;
  for (let step = 0; step < 12; step++) {
    const middle = (low + high) / 2;
    const tried = at(middle);
    const same = tried.lines.length === full.lines.length && tried.brokeWord === full.brokeWord && tried.brokeKept === full.brokeKept;
    if (same) high = middle;
    else low = middle;
  }
  return at(high);
}

function unitsFor(
  text: string,
  opportunities: readonly { position: number; required: boolean }[],
  width: number,
  measure: Measurer,
  keep: readonly (readonly [number, number])[],
): { units: Unit[]; brokeWord: boolean; brokeKept: boolean } {
  let brokeKept = false;
  const held = keep.filter(([start, end]) => {
    const fits = measure(start, trimmedEnd(text, start, end)) <= width + EPSILON;
    if (!fits && opportunities.some((o) => o.position > start && o.position < trimmedEnd(text, start, end))) brokeKept = true;
    return fits;
  });
  // A link or an address too long for a line still never breaks after its own hyphen, which would read as hyphenation.
  const links = keep.filter((range) => !held.includes(range) && /:\/\/|@|^www\./u.test(text.slice(range[0], range[1])));
  const inside = (ranges: typeof keep, at: number): boolean => ranges.some(([start, end]) => at > start && at < end);
  const kept = opportunities.filter(
    (o) => o.required || !(inside(held, o.position) || (inside(links, o.position) && text[o.position - 1] === '-')),
  );
  // A kept range too wide for a line starts a line, as a too-wide word does (below).
  const released = keep.filter((range) => !held.includes(range)).map(([start]) => start);
  const units: Unit[] = [];
  let brokeWord = false;
  let start = 0;
  for (const { position, required } of kept) {
    const trimmed = trimmedEnd(text, start, position);
    const fresh = released.some((at) => at >= start && at < position);
    if (trimmed > start && measure(start, trimmed) > width + EPSILON) {
      brokeWord = true;
      let from = start;
      const cuts = innerCuts(text, start, trimmed);
      for (const cut of cuts) {
        units.push({ start: from, end: cut, kind: 'inner', required: false, fresh: from === start });
        from = cut;
      }
      units.push({ start: from, end: position, kind: 'word', required, fresh: from === start });
    } else {
      units.push({ start, end: position, kind: 'word', required, fresh });
    }
    start = position;
  }
  return { units, brokeWord, brokeKept };
}

/** Cuts inside a word [start, end): syllable boundaries, keeping two letters on each side of a hyphenated cut. */
function innerCuts(text: string, start: number, end: number): number[] {
  const all = wordBoundaries(text, start, end).slice(0, -1);
  const spaced = all.filter((cut, i) => !takesHyphen(text, cut) || (i >= 1 && i < all.length - 1));
  return spaced.length > 0 ? spaced : all;
}

function fill(units: readonly Unit[], text: string, width: number, measure: Measurer): LineRange[] {
  const lines: LineRange[] = [];
  let start = 0;
  let end = 0;
  let used = 0;
  let last: Unit | undefined;
  const endLine = (): void => {
    lines.push({ start, end, hyphen: last?.kind === 'inner' && takesHyphen(text, end) });
    start = end;
    used = 0;
  };
  for (const unit of units) {
    const hyphen = unit.kind === 'inner' && takesHyphen(text, unit.end) ? measure.hyphen(unit.end) : 0;
    // A word or kept range too wide for any line starts a fresh one before it breaks inside, as CSS's
    // overflow-wrap: break-word does: were it to fill the line it is on, a smaller scale (where it fits a line of its
    // own) could take more lines than a larger one, and auto-fit needs a page never to grow as its text shrinks.
    if (unit.fresh && end > start) endLine();
    else if (end > start && used + measure(unit.start, trimmedEnd(text, unit.start, unit.end)) + hyphen > width + EPSILON) endLine();
    used += measure(unit.start, unit.end);
    end = unit.end;
    last = unit;
    if (unit.required) endLine();
  }
  if (end > start || lines.length === 0) endLine();
  return lines;
}

const LETTER = /[\p{L}\p{N}]/u;

/** Characters that start a grapheme of their own: printable Latin, Greek, Cyrillic, Arabic letters and signs, Han, CJK and general punctuation. */
function startsGrapheme(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0x2ff && code !== 0xad) ||
    (code >= 0x370 && code <= 0x482) ||
    (code >= 0x48a && code <= 0x52f) ||
    (code >= 0x606 && code <= 0x60f) ||
    code === 0x61b ||
    (code >= 0x61d && code <= 0x64a) ||
    (code >= 0x660 && code <= 0x66f) ||
    (code >= 0x671 && code <= 0x6d5) ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2030 && code <= 0x205e) ||
    (code >= 0x3001 && code <= 0x3029) ||
    (code >= 0x3030 && code <= 0x303f) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xff01 && code <= 0xff9d)
  );
}

/** Nonspacing marks that only extend the grapheme before them (Latin and Arabic). */
function extendsGrapheme(code: number): boolean {
  return (code >= 0x300 && code <= 0x36f) || (code >= 0x64b && code <= 0x65f) || code === 0x670;
}

/**
 * letters without the grapheme segmenter, for text of characters that each
 * start a grapheme and marks that only extend one (Latin, Arabic, Han): a
 * grapheme is a letter when its first character is. Undefined for other text.
 */
function simpleLetters(text: string): number | undefined {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (extendsGrapheme(code)) continue;
    if (!startsGrapheme(code)) return undefined;
    if (code < 0x80 ? (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) : LETTER.test(text[i]!)) count++;
  }
  return count;
}
const DICTIONARY = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{M}]/u;
/** Made on first use: making one costs ~11 ms of a cold start (ICU's break rules); simpleLetters handles most text. */
let graphemes: Intl.Segmenter | undefined;

export function letters(text: string): number {
  const simple = simpleLetters(text);
  if (simple !== undefined) return simple;
  let count = 0;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text)) if (LETTER.test(segment)) count++;
  return count;
}

/**
 * Moves words from the second-to-last line down while the last line is a
 * lone short word (or, in Chinese, a lone character) or has fewer than
 * `least.chars` letters or `least.words` words, as long as the new last line fits and the line above
 * keeps two words (one, when it is the first line).
 */
function avoidLonely(
  lines: LineRange[],
  units: readonly Unit[],
  text: string,
  width: number,
  measure: Measurer,
  least: { readonly chars: number; readonly words: number },
  letterCount: (text: string) => number,
): LineRange[] {
  if (lines.length < 2) return lines;
  const last = lines.at(-1)!;
  const previous = lines.at(-2)!;
  const words = (from: number, to: number): Unit[] => units.filter((u) => u.kind === 'word' && u.end > from && u.end <= to);
  // A dictionary break inside a Burmese or Thai phrase ends no word here: only spaces (and CJK characters) do.
  const inPhrase = (at: number): boolean => DICTIONARY.test(text[at - 1]!) && DICTIONARY.test(text[at]!);
  const wordEnds = (from: number, to: number): number => words(from, to).filter((u) => u.end === to || !inPhrase(u.end)).length;
  const lonely = (from: number, to: number): boolean => {
    const count = letterCount(text.slice(from, to));
    const ends = wordEnds(from, to);
    return (ends <= 1 && count < LONE_WORD) || ends < least.words || count < least.chars;
  };
  const endsHard = units.some((u) => u.end === previous.end && u.required);
  if (previous.hyphen || endsHard || !lonely(last.start, last.end)) return lines;
  const cuts = words(previous.start, previous.end - 1)
    .map((u) => u.end)
    .filter((cut) => cut > previous.start && !units.some((u) => u.end === cut && u.required))
    .reverse();
  // Cuts between words first; inside a phrase only when none of those will do.
  // When no cut makes the last line long enough, the one that moves the most (between words if it can) still helps.
  const moved = (cut: number): LineRange[] => [
    ...lines.slice(0, -2),
    { start: previous.start, end: cut, hyphen: false },
    { ...last, start: cut },
  ];
  let fallback: number | undefined;
  for (const candidates of [cuts.filter((cut) => !inPhrase(cut)), cuts]) {
    for (const cut of candidates) {
      if (words(previous.start, cut).length < (lines.length > 2 ? 2 : 1)) break;
      if (measure(cut, trimmedEnd(text, cut, last.end)) > width + EPSILON) break;
      if (!lonely(cut, last.end)) return moved(cut);
      if (fallback === undefined || candidates !== cuts) fallback = cut;
    }
    if (fallback !== undefined) return moved(fallback);
  }
  return lines;
}
