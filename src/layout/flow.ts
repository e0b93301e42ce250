import type { Block } from '../parse/notice-tree.js';
import type { Laid, LayoutContext } from './context.js';
import { laidNode, translateNode, type LaidNode } from './items.js';

// Blocks in a flow, one under another. Each block is laid out by
// ctx.layoutBlock (blocks.ts), so that columns and QR blocks, which hold
// flows of their own, need not import the dispatcher that imports them.

/** Each block laid out on its own, with the gap that follows it. */
export function flowParts(blocks: readonly Block[], ctx: LayoutContext): { laid: Laid[]; gaps: number[] } {
  return { laid: blocks.map((block) => ctx.layoutBlock(block, ctx)), gaps: blocks.map((block) => gapAfter(block, ctx)) };
}

/** Lays out blocks one under another, with a gap after each but the last. */
export function layoutFlow(blocks: readonly Block[], ctx: LayoutContext): Laid {
  const { laid, gaps } = flowParts(blocks, ctx);
  // A lower bound (ctx.least) needs only heights: nothing is placed.
  return ctx.least ? { height: stackHeight(laid, gaps, 0), nodes: [], texts: [] } : stack(laid, gaps, 0);
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

/** The height stack(laid, gaps, spare) comes to, the same sum, without placing anything. */
export function stackHeight(laid: readonly Laid[], gaps: readonly number[], spare: number): number {
  const totalGrow = laid.reduce((sum, part) => sum + (part.grow ?? 0), 0);
  let y = 0;
  laid.forEach((part, i) => {
    y += part.height + (totalGrow > 0 ? (spare * (part.grow ?? 0)) / totalGrow : 0);
    if (i < laid.length - 1 && part.height > 0) y += gaps[i] ?? 0;
  });
  return y;
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
    case 'columns': {
      // A flowing column block is its blocks set in columns: the space after it is its last block's.
      const last = block.flow ? block.columns.at(-1)?.children.at(-1) : undefined;
      return last ? gapAfter(last, ctx) : gaps.box * ctx.scale;
    }
    case 'box':
    case 'qr':
    case 'qr-row':
      return gaps.box * ctx.scale;
    default:
      return gaps.paragraph * ctx.scale;
  }
}

export function sectionNode(inner: Laid, lang: string): Laid {
  return { ...inner, nodes: [laidNode('Sect', [], inner.nodes, lang)] };
}

export function layoutRule(ctx: LayoutContext): Laid {
  const { width, color } = ctx.theme.rule;
  return {
    height: width,
    texts: [],
    nodes: [laidNode('Artifact', [{ type: 'rect', x: 0, y: 0, width: ctx.width, height: width, fill: color }], [])],
  };
}
