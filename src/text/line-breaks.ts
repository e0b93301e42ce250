import LineBreaker from 'linebreak';

export interface BreakOpportunity {
  /** UTF-16 index where a new line may start. */
  readonly position: number;
  /** A hard break (newline): the line must end here. */
  readonly required: boolean;
}

/** UAX #14 break opportunities in logical text; the last one is always the end of the text. */
export function breakOpportunities(text: string): BreakOpportunity[] {
  const breaker = new LineBreaker(text);
  const found: BreakOpportunity[] = [];
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    found.push({ position: next.position, required: next.required });
  }
  if (found.at(-1)?.position !== text.length) found.push({ position: text.length, required: false });
  return found;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Grapheme boundaries inside [start, end), for breaking a word that is wider than the line. */
export function graphemeBoundaries(text: string, start: number, end: number): number[] {
  const boundaries: number[] = [];
  for (const { index } of graphemes.segment(text.slice(start, end))) {
    if (index > 0) boundaries.push(start + index);
  }
  boundaries.push(end);
  return boundaries;
}
