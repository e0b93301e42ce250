import type { LoadedFont } from '../fonts/loaded-font.js';
import { displayScale, faceScale } from '../fonts/optical-scale.js';
import { reorderRuns } from './bidi.js';
import { itemize, pieces, type FontRun } from './itemize.js';
import { MissingGlyphError } from './font-choice.js';
import type { FontChain } from '../fonts/font-set.js';
import { breakLines, trimmedEnd, type LineRange } from './break-lines.js';
import { breakOpportunities, type BreakOpportunity } from './line-breaks.js';
import { keptRanges } from './kept-ranges.js';
import { withoutCjkSpaces } from './cjk-joins.js';
import { shape, type Direction, type ShapedGlyph, type ShapedRun } from './shape.js';
import type { TieredCache } from './tiered-cache.js';

/** Every field is part of the paragraph's cache key (paragraphKey): a new field goes there too. */
export interface TextSpan {
  readonly text: string;
  readonly bold: boolean;
  /** Business data: a bidi isolate, so it keeps its own direction inside a sentence. */
  readonly isolate?: boolean;
  /** Kept on one line unless it cannot fit on a line of its own. Defaults to `isolate` (a name, an address part). */
  readonly keep?: boolean;
}

/** Every field is part of the paragraph's cache key (paragraphKey): a new field goes there too. */
export interface ParagraphStyle {
  /** Font size in points. */
  readonly size: number;
  /** Distance between baselines, as a multiple of the size. */
  readonly leading: number;
  readonly align: 'start' | 'center' | 'end';
  readonly direction: Direction;
  /** The bidi paragraph direction; `auto` follows the first strong letter. Defaults to `direction`. */
  readonly bidi?: Direction | 'auto';
  /** BCP 47 tag, for shaping, line breaking and joins. */
  readonly lang: string;
  /** The last line holds at least this many letters where the text allows (2 for a Chinese title: no lone character). */
  readonly minLastLineChars?: number;
  /** The last line holds at least this many words where the text allows (sign text: 2). */
  readonly minLastLineWords?: number;
  /** Lines of even length (titles): the narrowest measure that keeps the same number of lines. */
  readonly balance?: boolean;
  /**
   * Draw each script at its optical factor (fonts/optical-scale.ts: Nastaliq
   * 1.3 × size, emoji 0.84 ×), so scripts look the same size. Default true;
   * layout passes the nominal size and must not apply the factor again.
   */
  readonly optical?: boolean;
  /** A heading: Han and Hangul are drawn at their display factor (fonts/optical-scale.ts DISPLAY_SCALE). */
  readonly display?: boolean;
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
  /**
   * Drawn for the line break, not typed: a hyphen after a broken word (no
   * text, so it reads back as nothing), or the space the line broke at (a
   * zero-width glyph, so the text keeps a space between the lines' words).
   */
  readonly extra?: 'hyphen' | 'space';
}

export interface ParagraphLayout {
  readonly lines: readonly (readonly PlacedRun[])[];
  readonly height: number;
  /** True when a word was wider than the line and had to be broken inside. */
  readonly brokeWord: boolean;
  /** True when a kept range (a name, a link, an email) was wider than the line and broken between its words. */
  readonly brokeKept: boolean;
}

function scaleOf(font: LoadedFont, style: ParagraphStyle): number {
  if (style.optical === false) return 1;
  return style.display ? displayScale(font.face) : faceScale(font.face);
}

/** The size a font's glyphs are drawn at: the paragraph's size times the face's optical factor. */
function sizeOf(font: LoadedFont, style: ParagraphStyle): number {
  return style.size * scaleOf(font, style);
}

/** How far the first baseline sits below the top of the paragraph, as a multiple of the size. */
export const BASELINE = 1.05;

/**
 * A session's text caches (text-caches.ts makes them; the session owns them).
 * A paragraph without business data goes to the pinned tier with its font
 * runs and shaped runs; one with business data to the bounded recent tier.
 */
export interface TextCaches {
  readonly paragraphs: TieredCache<ParagraphLayout>;
  readonly items: TieredCache<FontRun[]>;
  readonly shaped: TieredCache<ShapedRun>;
  /** A paragraph's text worked out once for every size and width it is laid out at (TextAnalysis). */
  readonly analyses: TieredCache<TextAnalysis>;
  /** A number for a font chain or a font, unique within the session: part of the cache keys. */
  idOf(owner: object): number;
}

/**
 * What a paragraph's layout needs that does not depend on its size or
 * width: its text, font runs, kept ranges and break opportunities, and each
 * range measured so far as its runs' advances in font units (a size turns
 * them into points, in the order they are added). Auto-fit lays the
 * same paragraph out at several scales; this is worked out once for them all.
 */
export interface TextAnalysis {
  readonly text: string;
  readonly items: readonly FontRun[];
  readonly keep: readonly (readonly [number, number])[];
  readonly opportunities: readonly BreakOpportunity[];
  /** By start × (text length + 1) + end: each run's font and advance in font units. */
  readonly ranges: Map<number, readonly RangeRun[]>;
  /** By the same key: each piece of a font run shaped so far (measured or placed on a line), at every scale. */
  readonly pieces: Map<number, ShapedRun>;
}

interface RangeRun {
  readonly font: LoadedFont;
  readonly advance: number;
}

type Shaper = (font: LoadedFont, text: string, direction: Direction, lang: string) => ShapedRun;

/**
 * Lays out one paragraph: NFC, bidi levels, font runs, UAX #14 breaking on the
 * logical text, then per line L2 reordering of whole runs and alignment.
 * With `caches`, a paragraph laid out before in the session is not laid out again.
 */
export function layoutParagraph(
  spans: readonly TextSpan[],
  style: ParagraphStyle,
  width: number,
  chain: FontChain,
  caches?: TextCaches,
): ParagraphLayout {
  if (!caches) return layoutUncached(analyse(spans, style, chain), style, width, chain, shape);
  const pinned = !spans.some((span) => span.isolate);
  const id = caches.idOf(chain);
  const shaper: Shaper = (font, text, direction, lang) =>
    caches.shaped.take(`${caches.idOf(font)}\u0000${direction} ${lang}\u0000${text}`, pinned, () => shape(font, text, direction, lang));
  return caches.paragraphs.take(`${id}\u0000${paragraphKey(spans, style, width)}`, pinned, () => {
    const analysis = caches.analyses.take(`${id}\u0000${analysisKey(spans, style)}`, pinned, () =>
      analyse(spans, style, chain, (key, make) => caches.items.take(`${id}\u0000${key}`, pinned, make)),
    );
    return layoutUncached(analysis, style, width, chain, shaper);
  });
}

const flag = (value: boolean | undefined): string => (value === undefined ? '' : value ? '1' : '0');

/** The spans' every field, the text last. */
function spansKey(spans: readonly TextSpan[]): string {
  let key = '';
  for (const span of spans) key += `\u0001${flag(span.bold)}${flag(span.isolate)}${flag(span.keep)}\u0002${span.text}`;
  return key;
}

/**
 * A paragraph's cache key: its width, every field of its style and spans,
 * the text last. Built by hand: JSON.stringify of the spans and style was
 * the largest cost of a cache hit, and auto-fit hits the cache for most of a page.
 */
function paragraphKey(spans: readonly TextSpan[], style: ParagraphStyle, width: number): string {
  const key =
    `${width} ${style.size} ${style.leading} ${style.align} ${style.direction} ${style.bidi ?? ''} ${style.lang} ` +
    `${style.minLastLineChars ?? ''} ${flag(style.balance)} ${flag(style.optical)} ${flag(style.display)}`;
  return key + spansKey(spans);
}

/** A text analysis's key: what of the style the text, its runs and their shapes depend on, and the spans. */
function analysisKey(spans: readonly TextSpan[], style: ParagraphStyle): string {
  return `${style.direction} ${style.bidi ?? ''} ${style.lang}${spansKey(spans)}`;
}

function analyse(
  spans: readonly TextSpan[],
  style: ParagraphStyle,
  chain: FontChain,
  itemsMemo?: (key: string, make: () => FontRun[]) => FontRun[],
): TextAnalysis {
  const parts = withoutCjkSpaces(
    spans.map((span) => ({ ...span, text: span.text.normalize('NFC') })),
    style.lang,
  );
  const text = parts.map((part) => part.text).join('');
  const items = itemize(text, parts, style.bidi ?? style.direction, chain, itemsMemo);
  return { text, items, keep: keptRanges(text, parts), opportunities: breakOpportunities(text), ranges: new Map(), pieces: new Map() };
}

function layoutUncached(analysis: TextAnalysis, style: ParagraphStyle, width: number, chain: FontChain, shaper: Shaper): ParagraphLayout {
  const { text, items } = analysis;
  // Line breaking measures the same ranges again at every width it tries (balanced lines try thirteen), and
  // auto-fit at every scale: each range is shaped once per analysis, and turned into points once here.
  const measured = new Map<number, number>();
  const stride = text.length + 1;
  const shapeOnce = (item: FontRun): ShapedRun => {
    const key = item.start * stride + item.end;
    let run = analysis.pieces.get(key);
    if (!run) {
      run = shapePiece(item, text, style, shaper);
      analysis.pieces.set(key, run);
    }
    return run;
  };
  const measureOnce = (start: number, end: number): number => {
    const key = start * stride + end;
    let width = measured.get(key);
    if (width === undefined) {
      let runs = analysis.ranges.get(key);
      if (!runs) {
        runs = rangeRuns(items, start, end, shapeOnce);
        analysis.ranges.set(key, runs);
      }
      width = 0;
      for (const run of runs) width += (run.advance * sizeOf(run.font, style)) / run.font.unitsPerEm;
      measured.set(key, width);
    }
    return width;
  };
  const measure = Object.assign(measureOnce, {
    hyphen: (position: number): number => hyphenRun(items, position, style, chain, shaper).width,
  });
  const rules = {
    keep: analysis.keep,
    minLastLineChars: style.minLastLineChars ?? 0,
    minLastLineWords: style.minLastLineWords ?? 1,
    balance: style.balance ?? false,
  };
  const { lines: ranges, brokeWord, brokeKept } = breakLines(text, width, measure, rules, analysis.opportunities);
  // Scripts with tall stacks (Myanmar, Arabic marks, Indic matras) get more room on the lines: on every line of the
  // paragraph, not only on those that hold them, so that its lines are evenly spaced and its height never grows when
  // a smaller size moves a word of a tall script onto a line that had none (auto-fit needs a page that never grows
  // as its text shrinks).
  let room = 1;
  for (const item of items) room = Math.max(room, (item.font.face.leading ?? 1) * Math.max(1, scaleOf(item.font, style)));
  let top = 0;
  const lines = ranges.map((range, i) => {
    const baseline = top + style.size * BASELINE * room;
    const line = placeLine(items, text, range, style, width, baseline, chain, shaper, shapeOnce, i === ranges.length - 1);
    top += style.size * style.leading * room;
    return line;
  });
  return { lines, height: top, brokeWord, brokeKept };
}

function shapePiece(item: FontRun, text: string, style: ParagraphStyle, shaper: Shaper) {
  const run = shaper(item.font, text.slice(item.start, item.end), item.level % 2 === 1 ? 'rtl' : 'ltr', style.lang);
  const missing = run.glyphs.find((glyph) => glyph.id === 0);
  if (missing) throw new MissingGlyphError(missing.text || text.slice(item.start, item.end));
  return run;
}

/** The runs of [start, end) with their advances in font units, in the order measuring adds them. */
function rangeRuns(items: readonly FontRun[], start: number, end: number, shapeOnce: (item: FontRun) => ShapedRun): RangeRun[] {
  return pieces(items, start, end).map((item) => ({ font: item.font, advance: shapeOnce(item).advance }));
}

interface Piece extends FontRun {
  readonly extra?: 'hyphen';
}

/** The hyphen after a word broken at `position`, in the font of the letter before it (or the first font that has one). */
function hyphenRun(
  items: readonly FontRun[],
  position: number,
  style: ParagraphStyle,
  chain: FontChain,
  shaper: Shaper,
): { font: LoadedFont; glyphs: ShapedGlyph[]; width: number } {
  const before = items.find((item) => item.start < position && item.end >= position) ?? items[0]!;
  const font = before.font.has(0x2d) ? before.font : (chain.pick('-', before.font.face.weight === 700, undefined) ?? before.font);
  const shaped = shaper(font, '-', 'ltr', style.lang);
  return {
    font,
    glyphs: shaped.glyphs.map((glyph) => ({ ...glyph, text: '' })),
    width: (shaped.advance * sizeOf(font, style)) / font.unitsPerEm,
  };
}

function placeLine(
  items: readonly FontRun[],
  text: string,
  range: LineRange,
  style: ParagraphStyle,
  width: number,
  baseline: number,
  chain: FontChain,
  shaper: Shaper,
  shapeOnce: (item: FontRun) => ShapedRun,
  lastLine: boolean,
): PlacedRun[] {
  const contentEnd = trimmedEnd(text, range.start, range.end);
  const logical: Piece[] = pieces(items, range.start, contentEnd);
  const lastPiece = logical.at(-1);
  if (range.hyphen && lastPiece) logical.push({ ...lastPiece, start: contentEnd, end: contentEnd, extra: 'hyphen' });
  let x = 0;
  const runs = reorderRuns(logical).map((item): PlacedRun => {
    const hyphen = item.extra === 'hyphen' ? hyphenRun(items, item.start, style, chain, shaper) : undefined;
    const shaped = hyphen
      ? { glyphs: hyphen.glyphs, advance: (hyphen.width * hyphen.font.unitsPerEm) / sizeOf(hyphen.font, style) }
      : shapeOnce(item);
    const font = hyphen?.font ?? item.font;
    const runWidth = (shaped.advance * sizeOf(font, style)) / font.unitsPerEm;
    const run = {
      font,
      size: sizeOf(font, style),
      x,
      baseline,
      width: runWidth,
      glyphs: shaped.glyphs,
      text: text.slice(item.start, item.end),
      start: item.start,
      rtl: item.level % 2 === 1,
      ...(hyphen ? { extra: 'hyphen' as const } : {}),
    };
    x += runWidth;
    return run;
  });
  const offset = alignOffset(style, width - x);
  const placed = runs.map((run) => ({ ...run, x: run.x + offset }));
  const space =
    !lastLine && lastPiece && /\s/u.test(text.slice(contentEnd, range.end)) ? breakSpace(lastPiece, contentEnd, style) : undefined;
  if (space) placed.push({ ...space, baseline, x: style.direction === 'rtl' ? offset : offset + x });
  // Positions are visual; the order is logical, so that readers which take text in drawing order read it as typed.
  return placed.sort((a, b) => a.start - b.start);
}

/**
 * The space a line broke at, as a glyph that draws nothing and takes no
 * room at the line's end, so that text read back (a screen reader
 * following the tag tree) keeps the space between the lines' words.
 */
function breakSpace(piece: FontRun, position: number, style: ParagraphStyle): Omit<PlacedRun, 'x' | 'baseline'> | undefined {
  const id = piece.font.hbFont.nominalGlyph(0x20);
  if (id === undefined) return undefined;
  const glyphs = [{ id, xAdvance: 0, xOffset: 0, yOffset: 0, text: ' ' }];
  return { font: piece.font, size: sizeOf(piece.font, style), width: 0, glyphs, text: ' ', start: position, rtl: false, extra: 'space' };
}

function alignOffset(style: ParagraphStyle, slack: number): number {
  if (style.align === 'center') return slack / 2;
  const toRight = (style.align === 'end') !== (style.direction === 'rtl');
  return toRight ? slack : 0;
}
