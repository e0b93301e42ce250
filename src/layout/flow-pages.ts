import type { Block, List, Section } from '../parse/notice-tree.js';

/**
 * Splits a page's blocks into runs that each fit one page, for a page that
 * flows (`<page flow="yes">`). Breaks fall between blocks: a language
 * section may break between its blocks and a list between its items, never
 * inside a paragraph or a line. `height` measures blocks laid out together.
 * Undefined when a block that cannot be split is taller than a page.
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
    if (current.length > 0) {
      pages.push(current);
      current = [];
      queue.unshift(block);
      continue;
    }
    const pieces = splitBlock(block, origin);
    if (!pieces) return undefined;
    queue.unshift(...pieces);
  }
  if (current.length > 0) pages.push(current);
  return pages.map((page, index) => joinPieces(trimRules(page, index > 0, index < pages.length - 1), origin));
}

/** A rule that separates blocks has nothing to separate at a page break. */
function trimRules(blocks: readonly Block[], start: boolean, end: boolean): Block[] {
  let from = 0;
  let to = blocks.length;
  while (start && from < to - 1 && blocks[from]!.kind === 'rule') from++;
  while (end && to > from + 1 && blocks[to - 1]!.kind === 'rule') to--;
  return blocks.slice(from, to);
}

/** A block's parts, each remembering the whole it came from; undefined when it cannot be split. */
function splitBlock(block: Block, origin: Map<Block, Block>): Block[] | undefined {
  const whole = origin.get(block) ?? block;
  let pieces: Block[] | undefined;
  if (block.kind === 'section') {
    const parts = block.children.length === 1 ? splitBlock(block.children[0]!, origin) : [...block.children];
    pieces = parts && parts.length > 1 ? parts.map((child): Section => ({ ...block, children: [child] })) : undefined;
  } else if (block.kind === 'list' && block.items.length > 1) {
    pieces = block.items.map((item): List => ({ ...block, items: [item] }));
  }
  for (const piece of pieces ?? []) origin.set(piece, whole);
  return pieces;
}

/** Puts neighbouring parts of one section or list back together, so that a page lays them out as one. */
function joinPieces(blocks: readonly Block[], origin: ReadonlyMap<Block, Block>): Block[] {
  const joined: Block[] = [];
  let previousWhole: Block | undefined;
  for (const block of blocks) {
    const whole = origin.get(block);
    const last = joined.at(-1);
    if (whole !== undefined && whole === previousWhole && last) {
      if (last.kind === 'section' && block.kind === 'section')
        joined[joined.length - 1] = { ...last, children: joinPieces([...last.children, ...block.children], origin) };
      else if (last.kind === 'list' && block.kind === 'list')
        joined[joined.length - 1] = { ...last, items: [...last.items, ...block.items] };
    } else {
      joined.push(block.kind === 'section' ? { ...block, children: joinPieces(block.children, origin) } : block);
    }
    previousWhole = whole;
  }
  return joined;
}
