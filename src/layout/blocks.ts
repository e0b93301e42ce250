import type { Block, Box, Inline, Paragraph } from '../parse/notice-tree.js';
import { memoLeaf, memoQr } from './block-memo.js';
import { layoutColumns } from './columns.js';
import { EMPTY, type Laid, type LayoutContext } from './context.js';
import { layoutFlow, layoutRule, sectionNode } from './flow.js';
import { layoutHeading } from './heading.js';
import { laidNode, translateNode, type LaidNode } from './items.js';
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

function layoutBox(block: Box, ctx: LayoutContext): Laid {
  const tone = ctx.theme.bands[block.tone];
  const pad = tone.padding * Math.min(1, Math.max(ctx.scale, 0.6));
  const inner = layoutFlow(block.children, { ...ctx, width: ctx.width - 2 * pad, color: tone.text });
  const height = inner.height + 2 * pad;
  const background: LaidNode[] =
    tone.fill || tone.stroke
      ? [
          laidNode(
            'Artifact',
            [
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
            [],
          ),
        ]
      : [];
  return { height, nodes: [...background, ...inner.nodes.map((node) => translateNode(node, pad, pad))], texts: inner.texts };
}
