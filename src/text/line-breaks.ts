import LineBreaker from 'linebreak';

export interface BreakOpportunity {
  /** UTF-16 index where a new line may start. */
  readonly position: number;
  /** A hard break (newline): the line must end here. */
  readonly required: boolean;
}

const HANGUL = /\p{Script=Hangul}/u;
const SPACE = /\s/u;
/** Scripts UAX #14 leaves to a dictionary (line-break class SA). */
const SA =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tai_Tham}\p{Script=Tai_Le}\p{Script=New_Tai_Lue}\p{Script=Tai_Viet}]/u;
/** The language a dictionary segmenter needs for an SA script's text (ICU picks the dictionary by script). */
const SA_LANGS: readonly [RegExp, string][] = [
  [/\p{Script=Myanmar}/u, 'my'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Lao}/u, 'lo'],
  [/\p{Script=Khmer}/u, 'km'],
];

/**
 * Where lines may break in logical text; the last one is always the end of
 * the text. UAX #14 (the `linebreak` package), then per script:
 * - Hangul breaks between words only (CSS `word-break: keep-all`): an
 *   opportunity next to a Hangul letter counts only after white space.
 * - SA scripts (Burmese, Thai, Lao, Khmer) get ICU's dictionary word
 *   boundaries (`Intl.Segmenter`), which UAX #14 leaves out; a boundary
 *   before a mark or inside a syllable is never used (see syllableBoundary below).
 */
export function breakOpportunities(text: string): BreakOpportunity[] {
  const breaker = new LineBreaker(text);
  const found = new Map<number, BreakOpportunity>();
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    if (next.required || !keepAll(text, next.position)) found.set(next.position, { position: next.position, required: next.required });
  }
  for (const position of dictionaryBreaks(text)) if (!found.has(position)) found.set(position, { position, required: false });
  found.set(text.length, { position: text.length, required: found.get(text.length)?.required ?? false });
  return [...found.values()].sort((a, b) => a.position - b.position);
}

/** True where keep-all forbids a break: beside a Hangul letter, with no white space before it. */
function keepAll(text: string, position: number): boolean {
  if (position <= 0 || position >= text.length) return false;
  const before = charBefore(text, position);
  const after = String.fromCodePoint(text.codePointAt(position)!);
  return !SPACE.test(before) && (HANGUL.test(before) || HANGUL.test(after));
}

function charBefore(text: string, position: number): string {
  const low = text.charCodeAt(position - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && position >= 2;
  return pair ? text.slice(position - 2, position) : text.slice(position - 1, position);
}

/** Punctuation that stays with the word before it (။ ၊ ฯ ។), or with the word after it. */
const NO_BREAK_BEFORE = /[\p{Pe}\p{Pf}\p{Po}]/u;
const NO_BREAK_AFTER = /[\p{Ps}\p{Pi}]/u;

const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/** Dictionary word boundaries strictly inside each run of SA-script text (marks included in the run). */
function dictionaryBreaks(text: string): number[] {
  const breaks: number[] = [];
  const runs =
    /(?:[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tai_Tham}\p{Script=Tai_Le}\p{Script=New_Tai_Lue}\p{Script=Tai_Viet}][\p{M}\u200b-\u200d]*)+/gu;
  if (!SA.test(text)) return breaks;
  for (const run of text.matchAll(runs)) {
    const lang = SA_LANGS.find(([script]) => script.test(run[0]))?.[1] ?? 'th';
    for (const { index } of wordSegmenter(lang).segment(run[0])) {
      const position = run.index + index;
      if (
        index > 0 &&
        syllableBoundary(text, position) &&
        !NO_BREAK_BEFORE.test(text[position]!) &&
        !NO_BREAK_AFTER.test(text[position - 1]!)
      ) {
        breaks.push(position);
      }
    }
  }
  return breaks;
}

const MARK = /\p{M}/u;
/**
 * Signs that join the next consonant to the one before: Myanmar virama, Khmer
 * coeng, Tai Tham sakot, and the Indic viramas (older ICU cuts grapheme
 * clusters after them, inside a conjunct).
 */
const STACKER = /[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d4d\u0dca\u1039\u17d2\u1a60]/u;
/** Myanmar asat and its visible virama: a consonant carrying one closes the syllable before it. */
const CLOSES = /[\u103a]/u;
/** Thai and Lao vowels written before their consonant, and those written after it that are letters. */
const LEADING_VOWEL = /[\u0e40-\u0e44\u0ec0-\u0ec4\u19b5-\u19b7\u19ba\uaab5\uaab6\uaab9\uaabb\uaabc]/u;
const TRAILING_VOWEL = /[\u0e30\u0e32\u0e33\u0e45\u0eb0\u0eb2\u0eb3]/u;
const MYANMAR = /\p{Script=Myanmar}/u;
/** Myanmar letters that can start a syllable: consonants, independent vowels, digits, punctuation. */
const MYANMAR_START = /[\u1000-\u102a\u103f-\u1055\u105a-\u105d\u1061\u1065\u1066\u106e-\u1070\u1075-\u1081\u108e-\u109f]/u;

/**
 * Whether a line may start at `position` without cutting a syllable: never
 * before a mark (vowel sign, medial, asat, tone), never after a stacking
 * virama, never before a Myanmar consonant that an asat or virama closes
 * into the syllable before it (rule-based syllable segmentation, after
 * sylbreak), never after a Thai/Lao vowel written before its consonant or
 * before one written after it.
 */
export function syllableBoundary(text: string, position: number): boolean {
  if (position <= 0 || position >= text.length) return true;
  const before = charBefore(text, position);
  const after = String.fromCodePoint(text.codePointAt(position)!);
  if (MARK.test(after) || /[\u200c\u200d]/u.test(after) || /[\u200c\u200d]/u.test(before)) return false;
  if (STACKER.test(before) || LEADING_VOWEL.test(before) || TRAILING_VOWEL.test(after)) return false;
  if (MYANMAR.test(after)) {
    if (!MYANMAR_START.test(after)) return false;
    const next = text.slice(position + after.length).match(/^[\ufe00-\ufe0f]*(.)/su)?.[1] ?? '';
    if (CLOSES.test(next) || STACKER.test(next)) return false;
  }
  return true;
}

/** Made on first use: making one costs ~11 ms of a cold start (ICU's break rules), and most text never needs it. */
let graphemes: Intl.Segmenter | undefined;

/**
 * Where a word wider than the line may be cut, inside [start, end), plus
 * `end`: grapheme boundaries that are also syllable boundaries, so a Burmese
 * word breaks between syllables and no line starts with a mark.
 */
export function wordBoundaries(text: string, start: number, end: number): number[] {
  const boundaries: number[] = [];
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { index } of graphemes.segment(text.slice(start, end))) {
    if (index > 0 && syllableBoundary(text, start + index)) boundaries.push(start + index);
  }
  boundaries.push(end);
  return boundaries;
}

/** Scripts whose words are hyphenated when broken across lines. */
const HYPHENATED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}]/u;

/** Whether a word broken at `position` takes a hyphen: the letters on both sides are of a script that uses them. */
export function takesHyphen(text: string, position: number): boolean {
  if (position <= 0 || position >= text.length) return false;
  return HYPHENATED.test(charBefore(text, position)) && HYPHENATED.test(String.fromCodePoint(text.codePointAt(position)!));
}
