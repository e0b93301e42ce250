import type { Block, Box, Heading, Paragraph } from '../parse/notice-tree.js';
import { layoutColumns } from './columns.js';
import { EMPTY, type Laid, type LayoutContext } from './context.js';
import { translateNode, type LaidNode } from './items.js';
import { layoutList } from './list-block.js';
import { pageNumberParagraph } from './page-number.js';
import { layoutQr } from './qr-block.js';
import { textSize } from './theme.js';
import { layoutOneLine, layoutText, shapeText, textNode } from './text-block.js';

/** Each block laid out on its own, with the gap that follows it. */
export function flowParts(blocks: readonly Block[], ctx: LayoutContext): { laid: Laid[]; gaps: number[] } {
  return { laid: blocks.map((block) => layoutBlock(block, ctx)), gaps: blocks.map((block) => gapAfter(block, ctx)) };
}

/** Lays out blocks one under another, with a gap after each but the last. */
export function layoutFlow(blocks: readonly Block[], ctx: LayoutContext): Laid {
  const { laid, gaps } = flowParts(blocks, ctx);
  return stack(laid, gaps, 0);
}

/**
 * Stacks laid blocks vertically. `spare` points are shared among blocks that
 * grow (flexible spacers), pushing the blocks below them down.
 */
export function stack(laid: readonly Laid[], gaps: readonly number[], spare: number): Laid {
  const totalGrow = laid.reduce((sum, part) => sum + (part.grow ?? 0), 0);
  let y = 0;
  const nodes: LaidNode[] = [];
  laid.forEach((part, i) => {
    nodes.push(...part.nodes.map((node) => translateNode(node, 0, y)));
    y += part.height + (totalGrow > 0 ? (spare * (part.grow ?? 0)) / totalGrow : 0);
    if (i < laid.length - 1 && part.height > 0) y += gaps[i] ?? 0;
  });
  return { height: y, nodes, texts: laid.flatMap((part) => part.texts) };
}

/** The space after a block, in points. */
export function gapAfter(block: Block, ctx: LayoutContext): number {
  const gaps = ctx.theme.gaps;
  switch (block.kind) {
    case 'heading':
      return gaps.heading * ctx.scale;
    case 'rule':
    case 'section':
      return gaps.rule * ctx.scale;
    case 'box':
    case 'columns':
    case 'qr':
      return gaps.box * ctx.scale;
    default:
      return gaps.paragraph * ctx.scale;
  }
}

export function layoutBlock(block: Block, ctx: LayoutContext): Laid {
  switch (block.kind) {
    case 'heading':
      return layoutHeading(block, ctx);
    case 'paragraph':
      return layoutParagraphBlock(block, ctx);
    case 'list':
      return layoutList(block, ctx);
    case 'qr':
      return layoutQr(block, ctx);
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

export function sectionNode(inner: Laid, lang: string): Laid {
  return { ...inner, nodes: [{ role: 'Sect', lang, items: [], children: inner.nodes }] };
}

export function layoutRule(ctx: LayoutContext): Laid {
  const { width, color } = ctx.theme.rule;
  return {
    height: width,
    texts: [],
    nodes: [{ role: 'Artifact', children: [], items: [{ type: 'rect', x: 0, y: 0, width: ctx.width, height: width, fill: color }] }],
  };
}

function layoutParagraphBlock(block: Paragraph, ctx: LayoutContext): Laid {
  const style = {
    role: 'P',
    size: textSize(ctx.theme, block.size, ctx.scale),
    leading: ctx.theme.leading.body,
    align: block.align,
    bold: block.size === 'large',
  } as const;
  if (block.size !== 'meta') return layoutText(block.inlines, style, ctx);
  // The quiet version line stays on one line, shrinking a little if it must; only past the caption floor does it wrap.
  const line = layoutOneLine(block.inlines, style, ctx, ctx.theme.minCaption);
  if (!line) return layoutText(block.inlines, { ...style, size: ctx.theme.minCaption }, ctx);
  const shift =
    block.align === 'center' ? (ctx.width - line.width) / 2 : (block.align === 'end') !== (ctx.dir === 'rtl') ? ctx.width - line.width : 0;
  return { ...line.laid, nodes: line.laid.nodes.map((node) => translateNode(node, shift, 0)) };
}

/** A title shrinks by up to this factor to stay on one line before it may take two. */
const ONE_LINE_SHRINK = 0.75;

/**
 * A heading starts large and shrinks until it fits its box in at most two
 * lines without splitting a word. Headings of one level in the page's
 * language sections share one size: the largest at which every one fits.
 */
function layoutHeading(block: Heading, ctx: LayoutContext): Laid {
  const type = ctx.theme.type;
  // Never floor a title above the normal large size, even when auto-fit grows the page.
  const floor = textSize(ctx.theme, 'large', Math.min(ctx.scale, 1));
  const start = Math.max(floor, (block.level === 1 ? type.h1 : type.h2) * Math.min(1.5, ctx.scale * 1.15));
  const style = (size: number) =>
    ({ role: block.level === 1 ? 'H1' : 'H2', size, leading: ctx.theme.leading.heading, align: block.align, bold: true }) as const;
  const group = ctx.inSection ? `h${block.level}` : undefined;
  const shared = group === undefined ? undefined : ctx.headings.fixed?.get(group);
  let size = shared ?? start;
  let layout = shapeText(block.inlines, style(size), ctx);
  if (shared === undefined) {
    // One line if a modest shrink gets there; else at most two lines, without a word split.
    const oneLineFloor = Math.max(floor, start * ONE_LINE_SHRINK);
    while (size > oneLineFloor && (layout.lines.length > 1 || layout.brokeWord)) {
      size = Math.max(oneLineFloor, size * 0.95);
      layout = shapeText(block.inlines, style(size), ctx);
    }
    if (layout.lines.length > 1 || layout.brokeWord) {
      size = start;
      layout = shapeText(block.inlines, style(size), ctx);
    }
    while (size > floor && (layout.lines.length > 2 || layout.brokeWord)) {
      size = Math.max(floor, size * 0.92);
      layout = shapeText(block.inlines, style(size), ctx);
    }
  }
  if (group !== undefined && shared === undefined) ctx.headings.found.set(group, Math.min(size, ctx.headings.found.get(group) ?? size));
  return textNode(block.inlines, layout, style(size), ctx);
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
