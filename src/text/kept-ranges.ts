/** Links and email addresses, which must never be broken where they can fit on a line. */
const LINKS = /\b(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?'")\]]|[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>().,;:!?]+/giu;

/** A hyphenated compound ("Cedar-Riverside", "non-public"): read as one word, never broken after its own hyphen where it fits. */
const COMPOUNDS = /[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{M}\p{N}]+)+/gu;
/** What a link, an email address or a compound cannot do without. */
const LINK_SIGN = /:\/\/|www\.|@/iu;
const HYPHEN = /[-\u2010\u2011]/u;
/** A short parenthesis ("(Rear Entrance)", "(propietario/a)"): kept on one line where it fits. */
const ASIDES = /\([^()\n]{1,40}\)/gu;
/** A Latin word inside CJK text ("General Manager" among Han characters) is never split. */
const LATIN_WORDS = /[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{M}\p{N}'’.-]*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

interface Part {
  readonly text: string;
  readonly isolate?: boolean;
  readonly keep?: boolean;
}

/**
 * Ranges [start, end) of the joined text that line breaking keeps on one
 * line where it can: every part marked `keep` (by default, isolated business
 * data: a name, an address part), every link or email address, every
 * hyphenated compound and short parenthesis, and in CJK text every Latin word.
 */
export function keptRanges(text: string, parts: readonly Part[]): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const part of parts) {
    if ((part.keep ?? part.isolate) && part.text.length > 0) ranges.push([offset, offset + part.text.length]);
    offset += part.text.length;
  }
  // Each pattern needs a character most text lacks (a link "://", "www." or "@"; a hyphen; a parenthesis): without it, none is run.
  const links = LINK_SIGN.test(text)
    ? [...text.matchAll(LINKS)].map((match): [number, number] => [match.index, match.index + match[0].length])
    : [];
  ranges.push(...links);
  const patterns = [
    ...(HYPHEN.test(text) ? [COMPOUNDS] : []),
    ...(text.includes('(') ? [ASIDES] : []),
    ...(CJK.test(text) ? [LATIN_WORDS] : []),
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const range: [number, number] = [match.index, match.index + match[0].length];
      if (!links.some(([start, end]) => range[0] >= start && range[1] <= end)) ranges.push(range);
    }
  }
  return ranges;
}
