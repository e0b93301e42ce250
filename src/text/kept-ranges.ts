/** Links and email addresses, which must never be broken where they can fit on a line. */
const LINKS = /\b(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?'")\]]|[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>().,;:!?]+/giu;

interface Part {
  readonly text: string;
  readonly isolate?: boolean;
  readonly keep?: boolean;
}

/**
 * Ranges [start, end) of the joined text that line breaking keeps on one
 * line where it can: every part marked `keep` (by default, isolated business
 * data: a name, an address part), and every link or email address.
 */
export function keptRanges(text: string, parts: readonly Part[]): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const part of parts) {
    if ((part.keep ?? part.isolate) && part.text.length > 0) ranges.push([offset, offset + part.text.length]);
    offset += part.text.length;
  }
  for (const match of text.matchAll(LINKS)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}
