import type { Block, Columns, List, Section } from '../parse/notice-tree.js';

/** A flowing page makes at most this many pages: more is a runaway template, not a notice. */
export const MAX_FLOW_PAGES = 40;

/**
 * Splits a page's blocks into runs that each fit one page, for a page that
 * flows (`<page flow="yes">`). Breaks fall between blocks: a language
 * section after another one starts a new page whole when it fits one; else
 * blocks are split to fill the page (a section between its blocks, a list
 * between its items), never inside a paragraph or a line, and never right
 * after a heading. `height` measures blocks laid out together.
 * Undefined when a block that cannot be split is taller than a page, or the
 * content would take more than MAX_FLOW_PAGES pages.
 */
export function flowBlocks(
  blocks: readonly Block[],
  height: (blocks: readonly Block[]) => number,
  available: number,
): Block[][] | undefined {
  const origin = new Map<Block, Block>();
  const queue = [...blocks];
  const pages: Block[][] = [];
  let current: Block[] = [];
  while (queue.length > 0) {
    const block = queue.shift()!;
    const candidate = [...current, block];
    if (height(joinPieces(candidate, origin)) <= available) {
      current = candidate;
      continue;
    }
    // After another language's section, a section that fits a page of its own starts the next page
    // whole; otherwise a block taller than the space left (a part of this page's section) is split to fill this page.
    const wholeOf = (part: Block) => origin.get(part) ?? part;
    const fitsAlone =
      block.kind === 'section' &&
      current.some((part) => part.kind === 'section' && wholeOf(part) !== wholeOf(block)) &&
      height(joinPieces([block], origin)) <= available;
    const pieces = fitsAlone ? undefined : splitBlock(block, origin);
    if (pieces) {
      queue.unshift(...pieces);
      continue;
    }
    if (current.length === 0) return undefined;
    // A heading goes to the next page with what it heads.
    const headed = current.slice(0, Math.max(1, lastNonHeading(current) + 1));
    const { kept, moved } = keepWithEnd(headed, [block, ...queue], origin, height, available);
    pages.push(kept);
    if (pages.length >= MAX_FLOW_PAGES) return undefined;
    queue.unshift(...moved, ...current.slice(headed.length), block);
    current = [];
  }
  if (current.length > 0) pages.push(current);
  return pages.map((page, index) => joinPieces(trimRules(page, index > 0, index < pages.length - 1), origin));
}

/** Blocks with no text of their own: what may close a flow (a rule, a QR code) but must not stand alone on its last page. */
const TRAILING = new Set<Block['kind']>(['rule', 'qr', 'spacer', 'page-number']);

/**
 * No runt last page: when all that is left after a page break is a QR code
 * and such, the page gives up its last pieces of text (about a fifth of a
 * page) to go with them.
 */
function keepWithEnd(
  page: readonly Block[],
  rest: readonly Block[],
  origin: Map<Block, Block>,
  height: (blocks: readonly Block[]) => number,
  available: number,
): { kept: Block[]; moved: Block[] } {
  if (!rest.every((block) => TRAILING.has(block.kind))) return { kept: [...page], moved: [] };
  const empty = height([]);
  const kept = [...page];
  const moved: Block[] = [];
  while (height(joinPieces(moved, origin)) - empty < available / 5) {
    // A page left with one block gives up that block's last pieces, if it has any.
    const pieces = kept.length === 1 ? splitBlock(kept[0]!, origin) : undefined;
    if (pieces) kept.splice(0, 1, ...pieces);
    if (kept.length <= 1) break;
    moved.unshift(kept.pop()!);
  }
  // A heading goes with what it heads.
  while (kept.length > 1 && lastNonHeading(kept) < kept.length - 1) moved.unshift(kept.pop()!);
  return { kept, moved };
}

/** A rule that separates blocks has nothing to separate at a page break. */
function trimRules(blocks: readonly Block[], start: boolean, end: boolean): Block[] {
  let from = 0;
  let to = blocks.length;
  while (start && from < to - 1 && blocks[from]!.kind === 'rule') from++;
  while (end && to > from + 1 && blocks[to - 1]!.kind === 'rule') to--;
  return blocks.slice(from, to);
}

/** The index of the last block that is not a heading (or a piece holding only headings); -1 if none. */
function lastNonHeading(blocks: readonly Block[]): number {
  return blocks.findLastIndex((block) => !isHeading(block));
}

/** A heading, or a section or flowing column piece that holds only headings: what must not end a page or a column. */
export function isHeading(block: Block): boolean {
  const inner = innerBlocks(block);
  return block.kind === 'heading' || (inner !== undefined && inner.length > 0 && inner.every(isHeading));
}

/** The blocks a section or a flowing column block holds, one after another; undefined for any other block. */
function innerBlocks(block: Block): readonly Block[] | undefined {
  if (block.kind === 'section') return block.children;
  if (block.kind === 'columns' && block.flow) return block.columns.flatMap((column) => column.children);
  return undefined;
}

/** A flowing column block holding these blocks (in one column: the theme decides how many it is set in). */
function flowingWith(block: Columns, children: readonly Block[]): Columns {
  return { ...block, columns: [{ weight: 1, children }] };
}

/** A block's parts, each remembering the whole it came from; undefined when it cannot be split. */
export function splitBlock(block: Block, origin: Map<Block, Block>): Block[] | undefined {
  const whole = origin.get(block) ?? block;
  let pieces: Block[] | undefined;
  const inner = innerBlocks(block);
  if (inner !== undefined && (block.kind === 'section' || block.kind === 'columns')) {
    const parts = inner.length === 1 ? splitBlock(inner[0]!, origin) : [...inner];
    pieces =
      parts && parts.length > 1
        ? parts.map((child): Section | Columns =>
            block.kind === 'section' ? { ...block, children: [child] } : flowingWith(block, [child]),
          )
        : undefined;
  } else if (block.kind === 'list' && block.items.length > 1) {
    // A numbered list's pieces keep their numbers, so that one continued on the next page goes on counting.
    const first = block.start ?? 1;
    pieces = block.items.map((item, i): List => ({ ...block, items: [item], ...(block.numbered ? { start: first + i } : {}) }));
  }
  for (const piece of pieces ?? []) origin.set(piece, whole);
  return pieces;
}

/** Puts neighbouring parts of one section, list or flowing column block back together, so that a page lays them out as one. */
export function joinPieces(blocks: readonly Block[], origin: Map<Block, Block>): Block[] {
  const joined: Block[] = [];
  let previousWhole: Block | undefined;
  for (const block of blocks) {
    const whole = origin.get(block);
    const last = joined.at(-1);
    if (whole !== undefined && whole === previousWhole && last) {
      let merged: Block | undefined;
      if (last.kind === 'section' && block.kind === 'section')
        merged = { ...last, children: joinPieces([...last.children, ...block.children], origin) };
      else if (last.kind === 'list' && block.kind === 'list') merged = { ...last, items: [...last.items, ...block.items] };
      else if (last.kind === 'columns' && block.kind === 'columns' && last.flow)
        merged = flowingWith(last, joinPieces([...innerBlocks(last)!, ...innerBlocks(block)!], origin));
      if (merged) {
        origin.set(merged, whole);
        joined[joined.length - 1] = merged;
      } else joined.push(block);
    } else {
      if (block.kind === 'section') joined.push({ ...block, children: joinPieces(block.children, origin) });
      else if (block.kind === 'columns' && block.flow) joined.push(flowingWith(block, joinPieces(innerBlocks(block)!, origin)));
      else joined.push(block);
    }
    previousWhole = whole;
  }
  return joined;
}
