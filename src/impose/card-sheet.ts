import { laidNode, placeNodes, translateNode, type Item, type LaidNode, type LaidPage } from '../layout/items.js';
import { bleedBackgrounds } from './bleed.js';
import { horizontalMark, marksNode, verticalMark } from './marks.js';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Where one card goes on a sheet: its column and row, and its top-left corner in points. */
export interface CardSlot {
  readonly column: number;
  readonly row: number;
  readonly x: number;
  readonly y: number;
}

export interface CardGrid {
  readonly columns: number;
  readonly rows: number;
  readonly card: Size;
  readonly sheet: Size;
  /** Slots row by row, top to bottom, left to right. */
  readonly slots: readonly CardSlot[];
}

/** Cards keep clear of the sheet's edges by at least this much (most printers cannot print closer). */
export const MIN_SHEET_MARGIN = 18;
/** Cut marks start this far outside the block of cards, and are this long. */
const MARK_OFFSET = 3;
const MARK_LENGTH = 12;

/**
 * As many cards as fit, edge to edge, in a block centred on the sheet, at
 * least MIN_SHEET_MARGIN from every edge: ten 3.5 × 2 in cards (2 × 5) on
 * Letter with 0.75 in and 0.5 in margins, and ten on A4 with wider ones.
 * With a `gutter` (twice a print shop's bleed) the cards stand apart, so
 * each can be cut on its own trim with its own bleed around it.
 */
export function cardGrid(sheet: Size, card: Size, gutter = 0): CardGrid {
  const fit = (room: number, length: number) => Math.floor((room - 2 * MIN_SHEET_MARGIN + gutter + 1e-6) / (length + gutter));
  const columns = fit(sheet.width, card.width);
  const rows = fit(sheet.height, card.height);
  const left = (sheet.width - columns * card.width - (columns - 1) * gutter) / 2;
  const top = (sheet.height - rows * card.height - (rows - 1) * gutter) / 2;
  const slots: CardSlot[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++)
      slots.push({ column, row, x: left + column * (card.width + gutter), y: top + row * (card.height + gutter) });
  }
  return { columns, rows, card, sheet, slots };
}

/**
 * The back of a slot when the sheet is printed double-sided and turned on
 * its long edge: the same row, mirrored left to right, so that the back of
 * each card lands behind its front.
 */
export function mirroredSlot(slot: CardSlot, grid: CardGrid): CardSlot {
  return { column: grid.columns - 1 - slot.column, row: slot.row, x: grid.sheet.width - slot.x - grid.card.width, y: slot.y };
}

/**
 * A sheet of copies of one card. The first copy keeps the card's tagged
 * structure; the others are marked as artifacts, so that a screen reader
 * reads the card once, not once per copy.
 */
export function cardSheet(card: LaidPage, grid: CardGrid, options: { mirror: boolean; cutMarks: boolean; bleed?: number }): LaidPage {
  // With a bleed, a card's backgrounds that touch its edge reach into the gutter around it.
  const cardNodes = options.bleed ? bleedBackgrounds(card.nodes, card, options.bleed) : card.nodes;
  const nodes: LaidNode[] = grid.slots.flatMap((slot, index) => {
    const at = options.mirror ? mirroredSlot(slot, grid) : slot;
    const placed = placeNodes(cardNodes.map((node) => translateNode(node, at.x, at.y)));
    return index === 0 ? placed : [laidNode('Artifact', placed.flatMap(itemsOf), [])];
  });
  if (options.cutMarks) nodes.push(cutMarks(grid));
  return { width: grid.sheet.width, height: grid.sheet.height, nodes };
}

function itemsOf(node: LaidNode): Item[] {
  return [...node.items, ...node.children.flatMap(itemsOf)];
}

/** Short lines outside the block of cards, in line with every cut: one per card edge, two per gutter when cards stand apart. */
export function cutMarks(grid: CardGrid): LaidNode {
  const first = grid.slots[0]!;
  const last = grid.slots.at(-1)!;
  const left = first.x;
  const top = first.y;
  const right = last.x + grid.card.width;
  const bottom = last.y + grid.card.height;
  const edges = (starts: number[], length: number) => [...new Set(starts.flatMap((start) => [start, start + length]))];
  const room = (space: number) => Math.max(0, Math.min(MARK_LENGTH, space - MARK_OFFSET - 2));
  const items = [];
  for (const x of edges([...new Set(grid.slots.map((slot) => slot.x))], grid.card.width)) {
    items.push(verticalMark(x, top - MARK_OFFSET, top - MARK_OFFSET - room(top)));
    items.push(verticalMark(x, bottom + MARK_OFFSET, bottom + MARK_OFFSET + room(grid.sheet.height - bottom)));
  }
  for (const y of edges([...new Set(grid.slots.map((slot) => slot.y))], grid.card.height)) {
    items.push(horizontalMark(left - MARK_OFFSET, left - MARK_OFFSET - room(left), y));
    items.push(horizontalMark(right + MARK_OFFSET, right + MARK_OFFSET + room(grid.sheet.width - right), y));
  }
  return marksNode(items);
}
