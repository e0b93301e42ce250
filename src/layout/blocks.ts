import type { Block, Box, Heading, Inline, Paragraph } from '../parse/notice-tree.js';
import { memoLeaf, memoQr } from './block-memo.js';
import { layoutColumns } from './columns.js';
import { EMPTY, type HeadingFit, type Laid, type LayoutContext } from './context.js';
import { layoutFlow, layoutRule, sectionNode } from './flow.js';
import { translateNode, type LaidNode } from './items.js';
import { layoutList } from './list-block.js';
import { pageNumberParagraph } from './page-number.js';
import { layoutQr } from './qr-block.js';
import { layoutQrRow } from './qr-row.js';
import { textSize } from './theme.js';
import type { ParagraphLayout } from '../text/paragraph.js';
import { layoutOneLine, layoutText, shapeText, textNode, type TextBlockStyle } from './text-block.js';

export function layoutBlock(block: Block, ctx: LayoutContext): Laid {
  switch (block.kind) {
    case 'heading':
      return memoLeaf(block, ctx, layoutHeading);
    case 'paragraph':
      return ctx.least && holdsData(block.inlines) ? leastParagraph(block, ctx) : memoLeaf(block, ctx, layoutParagraphBlock);
    case 'list':
      return ctx.least && block.items.some(holdsData) ? EMPTY : memoLeaf(block, ctx, layoutList);
    case 'qr':
      return memoQr(block, ctx, layoutQr);
    case 'qr-row':
      return layoutQrRow(block, ctx);
    case 'rule':
      return layoutRule(ctx);
    case 'spacer':
      return { ...EMPTY, height: block.size * ctx.scale * ctx.theme.scale, grow: block.grow };
    case 'section':
      return layoutSection(block.children, block.lang, block.dir, ctx);
    case 'columns':
      return layoutColumns(block, ctx);
    case 'box':
      return layoutBox(block, ctx);
    case 'page-number':
      return layoutParagraphBlock(pageNumberParagraph(block), ctx);
  }
}

/** A language section: its blocks in a 'Sect' node carrying the language. */
export function layoutSection(children: readonly Block[], lang: string, dir: 'ltr' | 'rtl', ctx: LayoutContext): Laid {
  return sectionNode(layoutFlow(children, { ...ctx, lang, dir, inSection: true }), lang);
}

function paragraphStyle(block: Paragraph, ctx: LayoutContext): TextBlockStyle {
  const key = block.size === 'key';
  return {
    role: 'P',
    size: key
      ? Math.max(textSize(ctx.theme, 'key', ctx.scale), ctx.floors.key)
      : ctx.floors.band !== undefined && isNameBand(block)
        ? ctx.floors.band
        : textSize(ctx.theme, block.size, ctx.scale),
    leading: ctx.theme.leading.body,
    align: block.align,
    bold: block.size === 'large' || key,
    sign: key || isNameBand(block),
  };
}

function layoutParagraphBlock(block: Paragraph, ctx: LayoutContext): Laid {
  const style = paragraphStyle(block, ctx);
  if (block.size !== 'meta') {
    const layout = shapeText(block.inlines, style, ctx);
    if (holdsData(block.inlines)) noteRoom(block, layout, style, ctx);
    return textNode(block.inlines, layout, style, ctx);
  }
  // The quiet version line stays on one line, shrinking a little if it must; only past the caption floor does it wrap.
  const line = layoutOneLine(block.inlines, style, ctx, ctx.theme.minCaption);
  if (!line) return layoutText(block.inlines, { ...style, size: ctx.theme.minCaption }, ctx);
  const shift =
    block.align === 'center' ? (ctx.width - line.width) / 2 : (block.align === 'end') !== (ctx.dir === 'rtl') ? ctx.width - line.width : 0;
  return { ...line.laid, nodes: line.laid.nodes.map((node) => translateNode(node, shift, 0)) };
}

/** Whether text holds business data (an inline from a field): what the session's memo does not keep. */
function holdsData(inlines: readonly Inline[]): boolean {
  return inlines.some((inline) => inline.field !== undefined);
}

/**
 * A paragraph's least height (ctx.least). Line breaking gives every
 * paragraph at least one line (even empty text), and a line is its size
 * times its leading times its room: 1, or more for a font with tall stacks
 * (text/paragraph.ts). The room depends on the paragraph's fonts, not its
 * size, and some line has the most any of its fonts asks; so the paragraph
 * is at least one line high at the room its lines averaged when it was last
 * laid out in full (noteRoom), less a hair for rounding, or 1. The one-line
 * version line may shrink: counted as nothing.
 */
function leastParagraph(block: Paragraph, ctx: LayoutContext): Laid {
  if (block.size === 'meta') return EMPTY;
  const style = paragraphStyle(block, ctx);
  return { ...EMPTY, height: style.size * style.leading * (ctx.caches?.blocks.rooms.get(block) ?? 1) };
}

/** Room under this share of the measured one: far more than rounding can take off a sum of a few lines. */
const ROOM_MARGIN = 1 - 1e-9;

/** Notes the room a business paragraph's lines averaged (their height over size × leading per line), for leastParagraph. */
function noteRoom(block: Paragraph, layout: ParagraphLayout, style: TextBlockStyle, ctx: LayoutContext): void {
  const rooms = ctx.caches?.blocks.rooms;
  if (!rooms || layout.lines.length === 0) return;
  const room = (layout.height / (layout.lines.length * style.size * style.leading)) * ROOM_MARGIN;
  if (room > (rooms.get(block) ?? 1)) rooms.set(block, room);
}

/** A large line of business data alone (the name band, maybe in its box): set like a title. */
export function isNameBand(block: Block): boolean {
  if (block.kind === 'box') return block.children.some(isNameBand);
  if (block.kind !== 'paragraph') return false;
  return (
    block.size === 'large' &&
    block.inlines.length > 0 &&
    block.inlines.every((inline) => inline.field !== undefined || inline.text.trim() === '')
  );
}

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

/**
 * A heading starts large and shrinks until it fits its box on one line, or,
 * when a modest shrink does not get there, in at most two balanced lines
 * without splitting a word; never below its level's floor. Headings of one
 * level in the page's language sections share one size (sharedHeadingSizes).
 */
function layoutHeading(block: Heading, ctx: LayoutContext): Laid {
  const type = ctx.theme.type;
  const floor = headingFloor(block.level, ctx);
  const start = Math.max(floor, (block.level === 1 ? type.h1 : type.h2) * Math.min(1.5, ctx.scale * 1.15));
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
  let size = start;
  let layout = shapeText(block.inlines, style(size), ctx);
  const oneLineFloor = Math.max(floor, start * ONE_LINE_SHRINK);
  while (size > oneLineFloor && (layout.lines.length > 1 || layout.brokeWord)) {
    size = Math.max(oneLineFloor, size * 0.95);
    layout = shapeText(block.inlines, style(size), ctx);
  }
  let oneLine = layout.lines.length === 1 && !layout.brokeWord ? size : undefined;
  if (oneLine === undefined) {
    size = start;
    layout = shapeText(block.inlines, style(size), ctx);
    while (size > floor && (layout.lines.length > 2 || layout.brokeWord || shortLast(layout, ctx.lang))) {
      size = Math.max(floor, size * 0.92);
      layout = shapeText(block.inlines, style(size), ctx);
    }
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

function layoutBox(block: Box, ctx: LayoutContext): Laid {
  const tone = ctx.theme.bands[block.tone];
  const pad = tone.padding * Math.min(1, Math.max(ctx.scale, 0.6));
  const inner = layoutFlow(block.children, { ...ctx, width: ctx.width - 2 * pad, color: tone.text });
  const height = inner.height + 2 * pad;
  const background: LaidNode[] =
    tone.fill || tone.stroke
      ? [
          {
            role: 'Artifact',
            children: [],
            items: [
              {
                type: 'rect',
                x: 0,
                y: 0,
                width: ctx.width,
                height,
                fill: tone.fill,
                stroke: tone.stroke,
                lineWidth: 1.5 * ctx.theme.scale,
              },
            ],
          },
        ]
      : [];
  return { height, nodes: [...background, ...inner.nodes.map((node) => translateNode(node, pad, pad))], texts: inner.texts };
}
