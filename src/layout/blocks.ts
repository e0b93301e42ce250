import { TemplateError } from '../errors.js';
import type { Block, Box, Columns, Heading, List, Qr } from '../parse/notice-tree.js';
import { EMPTY, type Laid, type LayoutContext } from './context.js';
import { translateNode, type LaidNode } from './items.js';
import { mm } from './page-sizes.js';
import { moduleSize, qrModules } from './qr-code.js';
import { GAP, LEADING, RULE, textSize, TONES, TYPE } from './styles.js';
import { layoutText, shapeText, textNode } from './text-block.js';

/** Each block laid out on its own, with the gap that follows it. */
export function flowParts(blocks: readonly Block[], ctx: LayoutContext): { laid: Laid[]; gaps: number[] } {
  return { laid: blocks.map((block) => layoutBlock(block, ctx)), gaps: blocks.map((block) => gapAfter(block) * ctx.scale) };
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

function gapAfter(block: Block): number {
  switch (block.kind) {
    case 'heading':
      return GAP.heading;
    case 'rule':
    case 'section':
      return GAP.rule;
    case 'box':
    case 'columns':
    case 'qr':
      return GAP.box;
    default:
      return GAP.paragraph;
  }
}

export function layoutBlock(block: Block, ctx: LayoutContext): Laid {
  switch (block.kind) {
    case 'heading':
      return layoutHeading(block, ctx);
    case 'paragraph':
      return layoutText(
        block.inlines,
        { role: 'P', size: textSize(block.size, ctx.scale), leading: LEADING.body, align: block.align, bold: block.size === 'large' },
        ctx,
      );
    case 'list':
      return layoutList(block, ctx);
    case 'qr':
      return layoutQr(block, ctx);
    case 'rule':
      return {
        height: RULE.width,
        texts: [],
        nodes: [
          { role: 'Artifact', children: [], items: [{ type: 'rect', x: 0, y: 0, width: ctx.width, height: RULE.width, fill: RULE.color }] },
        ],
      };
    case 'spacer':
      return { ...EMPTY, height: block.size * ctx.scale, grow: block.grow };
    case 'section': {
      const inner = layoutFlow(block.children, { ...ctx, lang: block.lang, dir: block.dir });
      return { ...inner, nodes: [{ role: 'Sect', lang: block.lang, items: [], children: inner.nodes }] };
    }
    case 'columns':
      return layoutColumns(block, ctx);
    case 'box':
      return layoutBox(block, ctx);
  }
}

/** A heading starts large and shrinks until it fits its box in at most two lines without splitting a word. */
function layoutHeading(block: Heading, ctx: LayoutContext): Laid {
  // Never floor a title above the normal large size, even when auto-fit grows the page.
  const floor = textSize('large', Math.min(ctx.scale, 1));
  const start = Math.max(floor, (block.level === 1 ? TYPE.h1 : TYPE.h2) * Math.min(1.25, ctx.scale * 1.15));
  const style = (size: number) =>
    ({ role: block.level === 1 ? 'H1' : 'H2', size, leading: LEADING.heading, align: block.align, bold: true }) as const;
  let size = start;
  let layout = shapeText(block.inlines, style(size), ctx);
  while (size > floor && (layout.lines.length > 2 || layout.brokeWord)) {
    size = Math.max(floor, size * 0.92);
    layout = shapeText(block.inlines, style(size), ctx);
  }
  return textNode(block.inlines, layout, style(size), ctx);
}

function layoutList(block: List, ctx: LayoutContext): Laid {
  const style = { role: 'LI', size: textSize(block.size, ctx.scale), leading: LEADING.body, align: 'start', bold: false } as const;
  const items = block.items.map((inlines) => layoutText([{ text: '• ', bold: false }, ...inlines], style, ctx));
  const inner = stack(
    items,
    items.map(() => GAP.item * ctx.scale),
    0,
  );
  return { ...inner, nodes: [{ role: 'L', items: [], children: inner.nodes }] };
}

function layoutQr(block: Qr, ctx: LayoutContext): Laid {
  const side = mm(Math.max(25, block.sizeMm));
  if (side > ctx.width) {
    throw new TemplateError(
      `the QR code (${Math.max(25, block.sizeMm)} mm) is wider than its column (${(ctx.width / mm(1)).toFixed(0)} mm); give its column more room in the template`,
    );
  }
  const x = (ctx.width - side) / 2;
  const modules = qrModules(block.href);
  const caption = block.caption
    ? layoutText(
        [{ text: block.caption, bold: false }],
        { role: 'P', size: textSize('small', ctx.scale), leading: LEADING.body, align: 'center', bold: false },
        { ...ctx, dir: 'ltr' },
      )
    : EMPTY;
  const figure: LaidNode = {
    role: 'Figure',
    alt: `QR code linking to ${block.href}`,
    children: [],
    items: [
      { type: 'qr', x, y: 0, size: side, module: moduleSize(modules, side), modules, fill: '#000000' },
      { type: 'link', x, y: 0, width: side, height: side, url: block.href },
    ],
  };
  return {
    height: side + caption.height,
    nodes: [figure, ...caption.nodes.map((node) => translateNode(node, 0, side))],
    texts: caption.texts,
  };
}

function layoutColumns(block: Columns, ctx: LayoutContext): Laid {
  const gap = GAP.columns * ctx.scale;
  const totalWeight = block.columns.reduce((sum, column) => sum + column.weight, 0) || 1;
  const free = ctx.width - gap * (block.columns.length - 1);
  let x = 0;
  const laid = block.columns.map((column) => {
    const width = (free * column.weight) / totalWeight;
    const inner = layoutFlow(column.children, { ...ctx, width });
    const placed = { ...inner, nodes: inner.nodes.map((node) => translateNode(node, x, 0)) };
    x += width + gap;
    return placed;
  });
  return {
    height: Math.max(0, ...laid.map((part) => part.height)),
    nodes: laid.flatMap((part) => part.nodes),
    texts: laid.flatMap((part) => part.texts),
  };
}

function layoutBox(block: Box, ctx: LayoutContext): Laid {
  const tone = TONES[block.tone];
  const pad = tone.padding * Math.min(1, Math.max(ctx.scale, 0.6));
  const inner = layoutFlow(block.children, { ...ctx, width: ctx.width - 2 * pad, color: tone.text });
  const height = inner.height + 2 * pad;
  const background: LaidNode[] =
    tone.fill || tone.stroke
      ? [
          {
            role: 'Artifact',
            children: [],
            items: [{ type: 'rect', x: 0, y: 0, width: ctx.width, height, fill: tone.fill, stroke: tone.stroke, lineWidth: 1.5 }],
          },
        ]
      : [];
  return { height, nodes: [...background, ...inner.nodes.map((node) => translateNode(node, pad, pad))], texts: inner.texts };
}
