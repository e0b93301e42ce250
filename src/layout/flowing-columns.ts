import type { Block, Columns } from '../parse/notice-tree.js';
import type { Laid, LayoutContext } from './context.js';
import { isHeading, joinPieces, splitBlock } from './flow-pages.js';
import { gapAfter, layoutFlow } from './flow.js';
import { translateNode } from './items.js';

/**
 * `<columns flow="yes">`: one run of blocks set in as many columns as the
 * paper's theme asks (`columns:`, one by default), as a newspaper does:
 * down the first column, on into the next. The columns are balanced (the
 * shortest height at which the blocks fill them in order), so a page's
 * last columns end level rather than one full and one empty. Blocks break
 * between columns where a page would break them: a list between its items,
 * a section between its blocks, never inside a paragraph, and never right
 * after a heading. A page that flows (flow-pages.ts) splits the block
 * between pages the same way, and each page balances its own part.
 */
export function layoutFlowingColumns(block: Columns, ctx: LayoutContext): Laid {
  const blocks = flowingBlocks(block);
  const count = Math.max(1, Math.floor(ctx.theme.flowColumns));
  if (count === 1 || blocks.length === 0) return layoutFlow(blocks, ctx);
  const gap = ctx.theme.gaps.columns * ctx.scale;
  const width = (ctx.width - gap * (count - 1)) / count;
  const inner: LayoutContext = { ...ctx, width };
  const origin = new Map<Block, Block>();
  const atoms = blocks.flatMap((one) => atomsOf(one, origin));
  const ends = balance(atoms, count, columnHeights(atoms, origin, inner));
  const parts = ends.map((end, i) => layoutFlow(joinPieces(atoms.slice(i === 0 ? 0 : ends[i - 1]!, end), origin), inner));
  const placed = parts.map((part, i) => {
    // Right to left, the first column is on the right.
    const x = ctx.dir === 'rtl' ? ctx.width - (i + 1) * width - i * gap : i * (width + gap);
    return part.nodes.map((node) => translateNode(node, x, 0));
  });
  return {
    height: Math.max(0, ...parts.map((part) => part.height)),
    nodes: placed.flat(),
    texts: parts.flatMap((part) => part.texts),
  };
}

/** The blocks of a flowing column block (written as one `<column>`; more are read one after another). */
export function flowingBlocks(block: Columns): Block[] {
  return block.columns.flatMap((column) => column.children);
}

/** A block cut into the smallest pieces a column may break between (list items, a section's blocks). */
function atomsOf(block: Block, origin: Map<Block, Block>): Block[] {
  const pieces = splitBlock(block, origin);
  return pieces ? pieces.flatMap((piece) => atomsOf(piece, origin)) : [block];
}

/**
 * The height of atoms [start, end) set one under another in a column: each
 * atom laid out once, and the gaps a flow would put between them (the item
 * gap between two items of one list). Balancing decides with these sums;
 * the columns themselves are then laid out whole.
 */
function columnHeights(atoms: readonly Block[], origin: ReadonlyMap<Block, Block>, ctx: LayoutContext) {
  const heights = atoms.map((atom) => layoutFlow([atom], ctx).height);
  const gaps = atoms.map((atom, i) => {
    const next = atoms[i + 1];
    const sameList = atom.kind === 'list' && next?.kind === 'list' && origin.get(atom) === origin.get(next);
    return sameList ? ctx.theme.gaps.item * ctx.scale : gapAfter(atom, ctx);
  });
  return (start: number, end: number): number => {
    let height = 0;
    for (let i = start; i < end; i++) height += heights[i]! + (i < end - 1 && heights[i]! > 0 ? gaps[i]! : 0);
    return height;
  };
}

/**
 * Where each column ends (an index into `atoms`, the last one atoms.length):
 * the least height, found by bisection to a point, at which the atoms fill
 * `count` columns in order, each column taking what fits and never ending
 * on a heading that has something after it.
 */
function balance(atoms: readonly Block[], count: number, height: (start: number, end: number) => number): number[] {
  const fill = (limit: number): number[] | undefined => {
    const ends: number[] = [];
    let start = 0;
    for (let column = 0; column < count; column++) {
      let end = start;
      while (end < atoms.length && (end === start || height(start, end + 1) <= limit)) end++;
      // A heading goes to the next column with what it heads.
      while (end < atoms.length && end > start + 1 && isHeading(atoms[end - 1]!)) end--;
      ends.push(end);
      start = end;
    }
    return start === atoms.length && ends.every((end, i) => height(i === 0 ? 0 : ends[i - 1]!, end) <= limit) ? ends : undefined;
  };
  let high = height(0, atoms.length);
  let low = Math.max(high / count, ...atoms.map((_, i) => height(i, i + 1))) - 1;
  let best = fill(high) ?? [...Array<number>(count - 1).fill(atoms.length), atoms.length];
  while (high - low > 1) {
    const middle = (low + high) / 2;
    const ends = fill(middle);
    if (ends) {
      best = ends;
      high = middle;
    } else low = middle;
  }
  return best;
}
