import type { Heading } from '../parse/notice-tree.js';
import type { ParagraphLayout } from '../text/paragraph.js';
import type { HeadingFit, Laid, LayoutContext } from './context.js';
import { firstHolding, stepMemo } from './step-search.js';
import { layoutOneLine, shapeText, textNode, type TextBlockStyle } from './text-block.js';
import { textSize } from './theme.js';

/**
 * A heading of two or more lines whose last line is short: under two words
 * or ten letters (four characters in Chinese, Japanese or Korean, five
 * syllables in Ethiopic), and under 60% of the line above ("lamang" alone
 * under "Para sa empleyado"; "Vivienda / privada" is balanced, not short).
 * Line breaking avoids it where the lines allow; where they do not, the
 * heading is set smaller (the same rule scripts/measure-sign.js checks).
 */
function shortLast(layout: ParagraphLayout, lang: string): boolean {
  if (layout.lines.length < 2) return false;
  const lineText = (line: ParagraphLayout['lines'][number] | undefined) =>
    (line ?? [])
      .map((run) => run.text)
      .join('')
      .trim();
  const count = (text: string) => [...text.replaceAll(/[\s\p{P}]/gu, '')].length;
  const text = lineText(layout.lines.at(-1));
  const chars = count(text);
  if (chars >= 0.6 * count(lineText(layout.lines.at(-2)))) return false;
  if (/^(zh|ja|ko)\b/u.test(lang)) return chars < 4;
  const words = text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (/^(am|ti)\b/u.test(lang)) return words < 2 || chars < 5;
  return words < 2 || chars < 10;
}

/** A title shrinks by up to this factor to stay on one line before it may take two. */
const ONE_LINE_SHRINK = 0.75;
/** Each heading level is at least this many times the size of the level below it (h1 : h2 : body). */
export const TYPE_RATIO = 1.3;

/** The least size of a heading level on this page: TYPE_RATIO over body text per level, and the title's floor for h1. */
function headingFloor(level: 1 | 2, ctx: LayoutContext): number {
  const body = textSize(ctx.theme, 'normal', ctx.scale) * TYPE_RATIO;
  return level === 2 ? body : Math.max(body * TYPE_RATIO, ctx.floors.title);
}

/** Heading sizes are rungs of a ladder with this many steps per halving: the fit grid's, about 2.2 % a step. */
const RUNGS_PER_OCTAVE = 32;
/** The design size of a heading level at scale 1 is its type size times this, and never more than HEADING_CAP times it. */
const HEADING_GROWTH = 1.15;
const HEADING_CAP = 1.5;

/**
 * The sizes a heading may take, largest first, from its design size at
 * this scale down to its floor: the rungs of a ladder fixed for the level
 * (its type size × 1.15 × 2^(j/32), and the cap), then the floor. The
 * rungs do not move with the scale, so a heading's size is "the largest
 * rung that sets it well", never larger at a smaller scale: a sawtooth
 * there would let a smaller page grow, and auto-fit needs a page that never
 * grows as its text shrinks (its answer would depend on where its search
 * began). On the fit grid the design size is itself a rung.
 */
function sizeLadder(base: number, scale: number, floor: number): number[] {
  const top = base * Math.min(HEADING_CAP, scale * HEADING_GROWTH);
  const exact = Math.log2(top / (base * HEADING_GROWTH)) * RUNGS_PER_OCTAVE;
  const below = Math.floor(exact + 1e-6);
  const onRung = Math.abs(exact - below) < 1e-6;
  const rungSize = (rung: number): number => base * HEADING_GROWTH * 2 ** (rung / RUNGS_PER_OCTAVE);
  // The design size when it is a rung or the cap, then the rungs under it; otherwise the rungs under it.
  const sizes: number[] = onRung || top >= base * HEADING_CAP - 1e-9 ? [top] : [];
  for (let rung = onRung ? below - 1 : below; rungSize(rung) > floor + 1e-9; rung--) sizes.push(rungSize(rung));
  if (sizes.length > 0 && sizes[0]! <= floor + 1e-9) sizes.length = 0;
  sizes.push(floor);
  return sizes;
}

/**
 * A heading takes the largest size of its ladder (sizeLadder) at which it
 * fits its box on one line, when that is a modest shrink from its design
 * size; otherwise the largest at which it takes at most two balanced lines
 * without splitting a word or ending on a short line; never below its
 * level's floor. Headings of one level in the page's language sections
 * share one size (sharedHeadingSizes).
 */
export function layoutHeading(block: Heading, ctx: LayoutContext): Laid {
  const type = ctx.theme.type;
  const base = block.level === 1 ? type.h1 : type.h2;
  const floor = headingFloor(block.level, ctx);
  const style = (size: number) =>
    ({
      role: block.level === 1 ? 'H1' : 'H2',
      size,
      leading: ctx.theme.leading.heading,
      align: block.align,
      bold: true,
      sign: true,
    }) as const;
  const group = ctx.inSection ? `h${block.level}` : undefined;
  const shared = group === undefined ? undefined : ctx.headings.fixed?.get(group);
  if (shared !== undefined) {
    const fixed = shapeText(block.inlines, style(shared), ctx);
    if (fixed.lines.length > 2 || fixed.brokeWord || shortLast(fixed, ctx.lang)) ctx.headings.strained.value = true;
    return textNode(block.inlines, fixed, style(shared), ctx);
  }
  const sizes = sizeLadder(base, ctx.scale, floor);
  const laid = stepMemo((index) => shapeText(block.inlines, style(sizes[index]!), ctx));
  // One line, down to ONE_LINE_SHRINK of the design size: one line at a size means one line at every smaller size, so
  // the largest such rung is found by halving.
  const oneLineFrom = Math.max(floor, sizes[0]! * ONE_LINE_SHRINK);
  let last = sizes.length - 1;
  while (last > 0 && sizes[last]! < oneLineFrom - 1e-9) last--;
  const first = firstHolding(last + 1, (index) => laid.at(index).lines.length === 1 && !laid.at(index).brokeWord);
  let oneLine: number | undefined;
  let size: number;
  let layout: ParagraphLayout;
  if (first !== undefined && sizes[first]! >= oneLineFrom - 1e-9) {
    size = sizes[first]!;
    layout = laid.at(first);
    oneLine = size;
  } else {
    // Two lines: the first size from the top that sets them well. At most two lines without a split word holds at
    // every size under one where it holds, so the first such size is found by halving; a short last line at one size
    // need not be at the next, so from there the sizes are tried in turn.
    const twoLines = (index: number): boolean => laid.at(index).lines.length <= 2 && !laid.at(index).brokeWord;
    let index = firstHolding(sizes.length, twoLines) ?? sizes.length - 1;
    while (index < sizes.length - 1 && shortLast(laid.at(index), ctx.lang)) index++;
    layout = laid.at(index);
    size = sizes[index]!;
    const below = shortLast(layout, ctx.lang) ? oneLineBelowFloor(block, style(size), ctx) : undefined;
    if (below) ({ size, layout, oneLine } = { ...below, oneLine: below.size });
  }
  if (layout.lines.length > 2 || layout.brokeWord || shortLast(layout, ctx.lang)) ctx.headings.strained.value = true;
  if (group !== undefined) ctx.headings.found.set(group, [...(ctx.headings.found.get(group) ?? []), { oneLine, fits: size }]);
  return textNode(block.inlines, layout, style(size), ctx);
}

/** A title gives up to this share of its least size (the key-line floor's title cap: about 2 mm of 18) to stay on one line. */
const TITLE_GIVE = 0.88;

/**
 * A title whose two lines, at its least size, would end on a short line
 * ("Pribadong / lugar", "Служебная / зона": two words that cannot share a
 * line at 18 mm capitals on Letter): on one line instead, down to TITLE_GIVE
 * of the title's floor and never under TYPE_RATIO² × body. A title one tenth
 * smaller on one line reads better from afar than a lopsided stack, and it
 * leaves the key line a line's height more. Undefined when one line needs more.
 */
function oneLineBelowFloor(
  block: Heading,
  style: TextBlockStyle,
  ctx: LayoutContext,
): { size: number; layout: ParagraphLayout } | undefined {
  if (block.level !== 1 || ctx.floors.title <= 0) return undefined;
  const least = Math.max(ctx.floors.title * TITLE_GIVE, textSize(ctx.theme, 'normal', ctx.scale) * TYPE_RATIO * TYPE_RATIO);
  const line = layoutOneLine(block.inlines, style, ctx, least);
  if (!line) return undefined;
  const layout = shapeText(block.inlines, { ...style, size: line.size }, ctx);
  return layout.lines.length === 1 && !layout.brokeWord ? { size: line.size, layout } : undefined;
}

/**
 * Each heading level's one size on a page, from what the first pass found:
 * the size at which every language's heading takes one line when there is
 * one, else the largest at which every one fits; then h2 is brought under
 * h1 / TYPE_RATIO (never under TYPE_RATIO × body), and h1 over TYPE_RATIO × h2.
 */
export function sharedHeadingSizes(found: ReadonlyMap<string, readonly HeadingFit[]>, body: number): Map<string, number> {
  const pick = (fits: readonly HeadingFit[] | undefined): number | undefined => {
    if (!fits || fits.length === 0) return undefined;
    if (fits.every((fit) => fit.oneLine !== undefined)) return Math.min(...fits.map((fit) => fit.oneLine!));
    return Math.min(...fits.map((fit) => fit.fits));
  };
  const sizes = new Map<string, number>();
  let h1 = pick(found.get('h1'));
  let h2 = pick(found.get('h2'));
  if (h1 !== undefined && h2 !== undefined) {
    h2 = Math.max(body * TYPE_RATIO, Math.min(h2, h1 / TYPE_RATIO));
    h1 = Math.max(h1, h2 * TYPE_RATIO);
  }
  if (h1 !== undefined) sizes.set('h1', h1);
  if (h2 !== undefined) sizes.set('h2', h2);
  return sizes;
}
