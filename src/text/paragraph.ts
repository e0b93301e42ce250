import type { LoadedFont } from '../fonts/loaded-font.js';
import { embeddingLevels, reorderRuns } from './bidi.js';
import { chooseFonts, MissingGlyphError, type FontChain } from './font-chain.js';
import { chainCache } from './chain-cache.js';
import { breakOpportunities, graphemeBoundaries } from './line-breaks.js';
import { shape, type Direction, type ShapedGlyph } from './shape.js';

export interface TextSpan {
  readonly text: string;
  readonly bold: boolean;
  /** Business data: a bidi isolate, so it keeps its own direction inside a sentence. */
  readonly isolate?: boolean;
}

export interface ParagraphStyle {
  /** Font size in points. */
  readonly size: number;
  /** Distance between baselines, as a multiple of the size. */
  readonly leading: number;
  readonly align: 'start' | 'center' | 'end';
  readonly direction: Direction;
  /** The bidi paragraph direction; `auto` follows the first strong letter. Defaults to `direction`. */
  readonly bidi?: Direction | 'auto';
  /** BCP 47 tag, for shaping. */
  readonly lang: string;
}

/**
 * A shaped run placed on a line; x is from the paragraph's left edge, baseline
 * from its top. A line lists its runs in logical order (see placeLine).
 */
export interface PlacedRun {
  readonly font: LoadedFont;
  readonly size: number;
  readonly x: number;
  readonly baseline: number;
  readonly width: number;
  readonly glyphs: readonly ShapedGlyph[];
  /** The run's logical text, for text extraction and tests. */
  readonly text: string;
  /** Where the run starts in the paragraph's logical text. */
  readonly start: number;
  readonly rtl: boolean;
}

export interface ParagraphLayout {
  readonly lines: readonly (readonly PlacedRun[])[];
  readonly height: number;
  /** True when a word was wider than the line and had to be broken inside. */
  readonly brokeWord: boolean;
}

interface Item {
  readonly start: number;
  readonly end: number;
  readonly font: LoadedFont;
  readonly level: number;
}

/** How far the first baseline sits below the top of the paragraph, as a multiple of the size. */
export const BASELINE = 1.05;

/**
 * Lays out one paragraph: NFC, bidi levels, font runs, UAX #14 breaking on the
 * logical text, then per line L2 reordering of whole runs and alignment.
 */
export function layoutParagraph(spans: readonly TextSpan[], style: ParagraphStyle, width: number, chain: FontChain): ParagraphLayout {
  return laidOut(chain, JSON.stringify([spans, style, width]), () => layoutUncached(spans, style, width, chain));
}

/**
 * Finished paragraphs by font chain. A batch prints the same translated
 * sentences on every notice, and auto-fit tries the same sizes again, so
 * most paragraphs are laid out once per process.
 */
const laidOut = chainCache<ParagraphLayout>();

function layoutUncached(spans: readonly TextSpan[], style: ParagraphStyle, width: number, chain: FontChain): ParagraphLayout {
  const parts = spans.map((span) => ({ ...span, text: span.text.normalize('NFC') }));
  const text = parts.map((part) => part.text).join('');
  const items = itemize(text, parts, style.bidi ?? style.direction, chain);
  const measure = (start: number, end: number): number => measureRange(items, text, start, end, style);
  const { ranges, brokeWord } = breakLines(text, width, measure);
  let top = 0;
  const lines = ranges.map(([start, end]) => {
    // Scripts with tall stacks (Myanmar, Arabic marks, Indic matras) get more room on their lines.
    const room = Math.max(1, ...pieces(items, start, end).map((item) => item.font.face.leading ?? 1));
    const line = placeLine(items, text, start, end, style, width, top + style.size * BASELINE * room);
    top += style.size * style.leading * room;
    return line;
  });
  return { lines, height: top, brokeWord };
}

/** Items of one font and one bidi level, by font chain: the same paragraphs recur, at every auto-fit step too. */
const itemized = chainCache<Item[]>();

function itemize(text: string, parts: readonly TextSpan[], direction: Direction | 'auto', chain: FontChain): Item[] {
  const key = `${direction}\u0000${parts.map((part) => `${part.bold ? 'b' : ''}${part.isolate ? 'i' : ''}\u0001${part.text}`).join('\u0002')}`;
  return itemized(chain, key, () => itemizeUncached(text, parts, direction, chain));
}

function itemizeUncached(text: string, parts: readonly TextSpan[], direction: Direction | 'auto', chain: FontChain): Item[] {
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
  const items: Item[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || fonts[i] !== fonts[start] || levels[i] !== levels[start]) {
      items.push({ start, end: i, font: fonts[start]!, level: levels[start]! });
      start = i;
    }
  }
  return items;
}

function pieces(items: readonly Item[], start: number, end: number): Item[] {
  return items
    .filter((item) => item.end > start && item.start < end)
    .map((item) => ({ ...item, start: Math.max(item.start, start), end: Math.min(item.end, end) }));
}

function shapePiece(item: Item, text: string, style: ParagraphStyle) {
  const run = shape(item.font, text.slice(item.start, item.end), item.level % 2 === 1 ? 'rtl' : 'ltr', style.lang);
  const missing = run.glyphs.find((glyph) => glyph.id === 0);
  if (missing) throw new MissingGlyphError(missing.text || text.slice(item.start, item.end));
  return run;
}

function measureRange(items: readonly Item[], text: string, start: number, end: number, style: ParagraphStyle): number {
  let width = 0;
  for (const item of pieces(items, start, end)) {
    width += (shapePiece(item, text, style).advance * style.size) / item.font.unitsPerEm;
  }
  return width;
}

const TRAILING = /[\s\u200b]+$/u;

function trimmedEnd(text: string, start: number, end: number): number {
  const match = TRAILING.exec(text.slice(start, end));
  return match ? end - match[0].length : end;
}

/**
 * Greedy line filling over break opportunities, summing the widths of whole
 * segments (each shaped once and cached). Returns [start, end) per line.
 */
function breakLines(
  text: string,
  width: number,
  measure: (start: number, end: number) => number,
): { ranges: [number, number][]; brokeWord: boolean } {
  const ranges: [number, number][] = [];
  let brokeWord = false;
  let lineStart = 0;
  let lineEnd = 0;
  let lineWidth = 0;
  const endLine = (): void => {
    ranges.push([lineStart, lineEnd]);
    lineStart = lineEnd;
    lineWidth = 0;
  };
  const add = (start: number, end: number): void => {
    if (lineEnd > lineStart && lineWidth + measure(start, trimmedEnd(text, start, end)) > width) endLine();
    lineWidth += measure(start, end);
    lineEnd = end;
  };
  let segmentStart = 0;
  for (const opportunity of breakOpportunities(text)) {
    const segmentEnd = opportunity.position;
    if (measure(segmentStart, trimmedEnd(text, segmentStart, segmentEnd)) > width) {
      brokeWord = true;
      let from = segmentStart;
      for (const boundary of graphemeBoundaries(text, segmentStart, segmentEnd)) {
        add(from, boundary);
        from = boundary;
      }
    } else {
      add(segmentStart, segmentEnd);
    }
    segmentStart = segmentEnd;
    if (opportunity.required) endLine();
  }
  if (lineEnd > lineStart || ranges.length === 0) endLine();
  return { ranges, brokeWord };
}

function placeLine(
  items: readonly Item[],
  text: string,
  start: number,
  end: number,
  style: ParagraphStyle,
  width: number,
  baseline: number,
): PlacedRun[] {
  const visual = reorderRuns(pieces(items, start, trimmedEnd(text, start, end)));
  let x = 0;
  const runs = visual.map((item): PlacedRun => {
    const shaped = shapePiece(item, text, style);
    const runWidth = (shaped.advance * style.size) / item.font.unitsPerEm;
    const run = {
      font: item.font,
      size: style.size,
      x,
      baseline,
      width: runWidth,
      glyphs: shaped.glyphs,
      text: text.slice(item.start, item.end),
      start: item.start,
      rtl: item.level % 2 === 1,
    };
    x += runWidth;
    return run;
  });
  const offset = alignOffset(style, width - x);
  // Positions are visual; the order is logical, so that readers which take text in drawing order read it as typed.
  return runs.map((run) => ({ ...run, x: run.x + offset })).sort((a, b) => a.start - b.start);
}

function alignOffset(style: ParagraphStyle, slack: number): number {
  if (style.align === 'center') return slack / 2;
  const toRight = (style.align === 'end') !== (style.direction === 'rtl');
  return toRight ? slack : 0;
}
