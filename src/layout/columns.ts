import type { Block, Column, Columns, Inline } from '../parse/notice-tree.js';
import type { Laid, LayoutContext } from './context.js';
import { layoutFlowingColumns } from './flowing-columns.js';
import { flowParts, gapAfter, layoutFlow, layoutRule, sectionNode, stack } from './flow.js';
import { translateNode } from './items.js';
import { textSize } from './theme.js';
import { averageAdvance } from './text-block.js';

/**
 * Columns side by side. With wrap, they flow into rows of as many columns
 * as fit at min_column_chars characters of their own script; when the
 * columns do not fill the rows evenly, the first one (the primary language)
 * takes a row of its own across the full width.
 */
export function layoutColumns(block: Columns, ctx: LayoutContext): Laid {
  // Balanced columns are no sum or maximum of their blocks' heights: a lower bound (ctx.least) lays them out in full.
  if (block.flow) return layoutFlowingColumns(block, ctx.least ? { ...ctx, least: false } : ctx);
  const gap = ctx.theme.gaps.columns * ctx.scale;
  if (!block.wrap) return layoutRow(block.columns, ctx, gap);
  const perRow = columnsPerRow(block.columns, ctx, gap);
  const rows: Column[][] = [];
  const rest = [...block.columns];
  if (rest.length % perRow !== 0 && perRow > 1) rows.push(rest.splice(0, 1));
  while (rest.length > 0) rows.push(rest.splice(0, perRow));
  const laid = rows.map((row) => layoutRow(row, ctx, gap));
  const parts = laid.flatMap((row, i) => (i === 0 ? [row] : [layoutRule(ctx), row]));
  return stack(
    parts,
    parts.map(() => ctx.theme.gaps.rule * ctx.scale),
    0,
  );
}

/**
 * Whether blocks hold wrapping columns. Above scale 1 their rows hold fewer
 * columns as the scale grows (columnsPerRow), and columns stacked at a larger
 * scale can be lower than side by side at a smaller one: such a page is not
 * always higher at a larger scale, so auto-fit's answer there depends on where
 * its search starts (auto-fit.ts FitShortcuts.steadyToScale1, which fitPage
 * in layout-notice.ts sets for such a page).
 */
export function holdsWrappingColumns(blocks: readonly Block[]): boolean {
  return blocks.some((block) => {
    switch (block.kind) {
      case 'columns':
        return block.wrap === true || block.columns.some((column) => holdsWrappingColumns(column.children));
      case 'section':
      case 'box':
        return holdsWrappingColumns(block.children);
      case 'qr':
        return holdsWrappingColumns(block.children ?? []);
      case 'qr-row':
        return holdsWrappingColumns(block.codes);
      default:
        return false;
    }
  });
}

/**
 * The most columns per row (at most all of them) at which every column holds
 * min_column_chars characters of its script, at the body size auto-fit
 * chose or the paper's full body size, whichever is larger: shrinking type
 * to squeeze in more, narrower columns is what makes a sign hard to read.
 */
export function columnsPerRow(columns: readonly Column[], ctx: LayoutContext, gap: number): number {
  const needed = Math.max(0, ...columns.map((column) => ctx.theme.minColumnChars * columnAdvance(column.children, ctx)));
  for (let count = columns.length; count > 1; count--) {
    if ((ctx.width - gap * (count - 1)) / count >= needed) return count;
  }
  return 1;
}

/**
 * The average character advance of a column's body text, in its own
 * language, at the body size (at least the paper's full one). Wide scripts (Han, Hangul), whose
 * characters each carry a word or a syllable, count at most 0.6 em a
 * character: 25 "characters" is then 15 Han characters, the measure of a
 * narrow CJK column (Japanese newspaper columns hold 12 to 15).
 */
function columnAdvance(blocks: readonly Block[], ctx: LayoutContext): number {
  const { inlines, lang } = bodyText(blocks, ctx.lang);
  const size = textSize(ctx.theme, 'normal', Math.max(1, ctx.scale));
  return Math.min(averageAdvance(inlines, size, { ...ctx, lang }), WIDE_CAP * size);
}

/** The largest advance, in em, that counts as one character of a column's measure. */
const WIDE_CAP = 0.6;

function bodyText(blocks: readonly Block[], lang: string): { inlines: Inline[]; lang: string } {
  for (const block of blocks) {
    if (block.kind === 'paragraph' && block.size === 'normal') return { inlines: [...block.inlines], lang };
    if (block.kind === 'section' || block.kind === 'box') {
      const inner = bodyText(block.children, block.kind === 'section' ? block.lang : lang);
      if (inner.inlines.length > 0) return inner;
    }
  }
  return { inlines: [], lang };
}

/**
 * One row of columns, widths by weight. When every column holds the same
 * number of blocks (as parallel language sections do), the leading headings
 * are laid out as rows of a table, so that titles and subtitles start on one
 * line across the columns; the text below them closes up in each column.
 */
function layoutRow(columns: readonly Column[], ctx: LayoutContext, gap: number): Laid {
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  const free = Math.max(0, ctx.width - gap * (columns.length - 1));
  const widths = columns.map((column) => (totalWeight > 0 ? (free * column.weight) / totalWeight : free / columns.length));
  const cells = columns.map((column, i) => cellOf(column.children, { ...ctx, width: widths[i]! }));
  const rowCount = cells[0]?.blocks.length ?? 0;
  const parallel = cells.length > 1 && rowCount > 1 && cells.every((cell) => cell.blocks.length === rowCount);
  let laid: Laid[];
  // Only the headings line up across columns: below them each column closes up, so a short translation leaves no hole.
  const heads = parallel ? leadingHeadings(cells) : 0;
  if (heads > 0) {
    const parts = cells.map((cell) => flowParts(cell.blocks, cell.ctx));
    const rows = [...Array(heads).keys()].map((row) => alignRow(parts.map((part) => part.laid[row]!)));
    const gaps = rows.map((_, row) => Math.max(...cells.map((cell) => gapAfter(cell.blocks[row]!, cell.ctx))));
    laid = parts.map((part, i) =>
      cells[i]!.wrap(stack([...rows.map((row) => row[i]!), ...part.laid.slice(heads)], [...gaps, ...part.gaps.slice(heads)], 0)),
    );
  } else {
    laid = cells.map((cell) => cell.wrap(layoutFlow(cell.blocks, cell.ctx)));
  }
  let x = 0;
  const placed = laid.map((part, i) => {
    // Right to left (columns inside an RTL section), the first column is on the right.
    const at = ctx.dir === 'rtl' ? ctx.width - x - widths[i]! : x;
    const moved = { ...part, nodes: part.nodes.map((node) => translateNode(node, at, 0)) };
    x += widths[i]! + gap;
    return moved;
  });
  return {
    height: Math.max(0, ...placed.map((part) => part.height)),
    nodes: placed.flatMap((part) => part.nodes),
    texts: placed.flatMap((part) => part.texts),
  };
}

/** How many leading rows hold a heading in every column. */
function leadingHeadings(cells: readonly Cell[]): number {
  const rows = Math.min(...cells.map((cell) => cell.blocks.length));
  let count = 0;
  while (count < rows && cells.every((cell) => cell.blocks[count]!.kind === 'heading')) count++;
  return count;
}

/** One row of a table: each cell moved down so that first baselines meet, and all made as tall as the tallest. */
function alignRow(cells: readonly Laid[]): Laid[] {
  const baseline = Math.max(0, ...cells.map((cell) => cell.baseline ?? 0));
  const moved = cells.map((cell) => {
    const shift = cell.baseline === undefined ? 0 : baseline - cell.baseline;
    return { ...cell, height: cell.height + shift, nodes: cell.nodes.map((node) => translateNode(node, 0, shift)) };
  });
  const height = Math.max(...moved.map((cell) => cell.height));
  return moved.map((cell) => ({ ...cell, height }));
}

interface Cell {
  readonly blocks: readonly Block[];
  readonly ctx: LayoutContext;
  readonly wrap: (inner: Laid) => Laid;
}

/** A column's blocks; a column that is one language section is seen through to the section's blocks. */
function cellOf(children: readonly Block[], ctx: LayoutContext): Cell {
  const only = children.length === 1 ? children[0]! : undefined;
  if (only?.kind === 'section') {
    return {
      blocks: only.children,
      ctx: { ...ctx, lang: only.lang, dir: only.dir, inSection: true },
      wrap: (inner) => sectionNode(inner, only.lang),
    };
  }
  return { blocks: children, ctx, wrap: (inner) => inner };
}
