import { describe, expect, it } from 'vitest';

import { cardGrid, mirroredSlot, MIN_SHEET_MARGIN } from '../../src/impose/card-sheet.js';
import { impose } from '../../src/impose/impose.js';
import { REGISTRATION } from '../../src/impose/marks.js';
import type { LaidPage, RectItem } from '../../src/layout/items.js';
import { mm, PAGE_SIZES } from '../../src/contract/page-sizes.js';
import { allItems } from '../layout/laid-items.js';

const CARD = { width: 252, height: 144 }; // 3.5 × 2 in

/** A card side whose only mark is a small square `at` from its top-left corner, tagged as a paragraph. */
function markedCard(at: { x: number; y: number }): LaidPage {
  const square: RectItem = { type: 'rect', x: at.x, y: at.y, width: 4, height: 4, fill: '#000000' };
  return { ...CARD, nodes: [{ role: 'P', items: [square], children: [] }] };
}

/** The squares drawn on a sheet (cut marks are hairlines, not squares). */
const squares = (sheet: LaidPage) =>
  allItems(sheet.nodes).filter((item): item is RectItem => item.type === 'rect' && item.width === 4 && item.height === 4);

describe('cardGrid', () => {
  it('puts ten 3.5 × 2 in cards on Letter, 2 × 5, centred with 0.75 in and 0.5 in margins', () => {
    const grid = cardGrid(PAGE_SIZES.letter, CARD);
    expect([grid.columns, grid.rows, grid.slots.length]).toEqual([2, 5, 10]);
    expect(grid.slots[0]).toEqual({ column: 0, row: 0, x: 54, y: 36 });
    expect(grid.slots[9]).toEqual({ column: 1, row: 4, x: 54 + 252, y: 36 + 4 * 144 });
  });

  it('puts ten on A4 too, 2 × 5, with wider margins', () => {
    const grid = cardGrid(PAGE_SIZES.a4, CARD);
    expect([grid.columns, grid.rows]).toEqual([2, 5]);
    expect(grid.slots[0]!.x).toBeCloseTo((595.28 - 504) / 2, 6);
    expect(grid.slots[0]!.y).toBeCloseTo((841.89 - 720) / 2, 6);
    for (const slot of grid.slots) expect(Math.min(slot.x, slot.y)).toBeGreaterThanOrEqual(MIN_SHEET_MARGIN);
  });
});

describe('duplex card sheets', () => {
  for (const sheet of ['letter', 'a4'] as const) {
    it(`mirrors the back sheet left to right on ${sheet}, so each back lies behind its front`, () => {
      const paper = PAGE_SIZES[sheet];
      const [front, back] = impose([markedCard({ x: 10, y: 20 }), markedCard({ x: 10, y: 20 })], {
        sheet,
        card: CARD,
        arrange: 'duplex',
      });
      const grid = cardGrid(paper, CARD);
      const frontSquares = squares(front!);
      const backSquares = squares(back!);
      expect(frontSquares).toHaveLength(10);
      expect(backSquares).toHaveLength(10);
      grid.slots.forEach((slot, i) => {
        // Front: card i in its slot. Back: card i in the mirrored slot (columns swap, rows stay).
        expect(frontSquares[i]).toMatchObject({ x: slot.x + 10, y: slot.y + 20 });
        const mirrored = mirroredSlot(slot, grid);
        expect(mirrored.column).toBe(grid.columns - 1 - slot.column);
        expect(mirrored.row).toBe(slot.row);
        expect(backSquares[i]!.x).toBeCloseTo(mirrored.x + 10, 9);
        expect(backSquares[i]!.y).toBeCloseTo(slot.y + 20, 9);
        // Turned over on the long edge, a point x on the back lies over paper.width − x on the front:
        // the back's card box covers exactly the front's card box.
        const backLeftSeenFromFront = paper.width - (mirrored.x + CARD.width);
        expect(backLeftSeenFromFront).toBeCloseTo(slot.x, 9);
      });
    });
  }

  it('reads the card once: the first copy keeps its tags, the others are artifacts', () => {
    const [front] = impose([markedCard({ x: 0, y: 0 })], { sheet: 'letter', card: CARD, arrange: 'duplex' });
    const roles = front!.nodes.map((node) => node.role);
    expect(roles.filter((role) => role === 'P')).toHaveLength(1);
    expect(roles.filter((role) => role === 'Artifact')).toHaveLength(10); // nine copies and the cut marks
  });

  it('draws cut marks on the front only, outside the block of cards and in line with every cut', () => {
    const [front, back] = impose([markedCard({ x: 0, y: 0 }), markedCard({ x: 0, y: 0 })], {
      sheet: 'letter',
      card: CARD,
      arrange: 'duplex',
    });
    const hairlines = (sheet: LaidPage) =>
      allItems(sheet.nodes).filter((item): item is RectItem => item.type === 'rect' && Math.min(item.width, item.height) === 0.5);
    expect(hairlines(back!)).toHaveLength(0);
    const marks = hairlines(front!);
    // 3 vertical cuts (x = 54, 306, 558) top and bottom, 6 horizontal cuts left and right.
    expect(marks).toHaveLength(3 * 2 + 6 * 2);
    const verticals = marks.filter((mark) => mark.width === 0.5).map((mark) => mark.x + 0.25);
    expect([...new Set(verticals)].sort((a, b) => a - b)).toEqual([54, 306, 558]);
    for (const mark of marks) {
      const insideBlock = mark.x >= 54 && mark.x + mark.width <= 558 && mark.y >= 36 && mark.y + mark.height <= 756;
      expect(insideBlock).toBe(false);
    }
  });

  it('leaves the laid cards unchanged, and with --arrange pages mirrors nothing', () => {
    const card = markedCard({ x: 10, y: 20 });
    const copy = structuredClone(card);
    const sheets = impose([card, card], { sheet: 'letter', card: CARD, arrange: 'pages' });
    expect(card).toEqual(copy);
    expect(squares(sheets[1]!).map((s) => s.x)).toEqual(squares(sheets[0]!).map((s) => s.x));
  });

  it('with a bleed, trims each card on its own: cards stand 2 × bleed apart, cut marks at every card edge, backgrounds in the gutter', () => {
    const bleed = mm(3);
    const background: RectItem = { type: 'rect', x: 0, y: 0, width: CARD.width, height: 30, fill: '#111111' };
    const card: LaidPage = { ...CARD, nodes: [{ role: 'P', items: [background], children: [] }] };
    const [front, back] = impose([card, card], { sheet: 'letter', card: CARD, arrange: 'duplex', bleedMm: 3 });
    const grid = cardGrid(PAGE_SIZES.letter, CARD, 2 * bleed);
    expect([grid.columns, grid.rows]).toEqual([2, 4]); // a 17 pt gutter leaves room for four rows on Letter
    expect(grid.slots[1]!.x - grid.slots[0]!.x).toBeCloseTo(CARD.width + 2 * bleed, 9);
    for (const slot of grid.slots) expect(Math.min(slot.x, slot.y)).toBeGreaterThanOrEqual(MIN_SHEET_MARGIN);
    // The sheet is the finished paper: its trim and bleed boxes are the page.
    expect(front!.boxes).toEqual({ trim: { x: 0, y: 0, ...PAGE_SIZES.letter }, bleed: { x: 0, y: 0, ...PAGE_SIZES.letter } });
    const bands = allItems(front!.nodes).filter((item): item is RectItem => item.type === 'rect' && item.fill === '#111111');
    expect(bands).toHaveLength(8);
    grid.slots.forEach((slot, i) => {
      expect(bands[i]!.x).toBeCloseTo(slot.x - bleed, 9);
      expect(bands[i]!.y).toBeCloseTo(slot.y - bleed, 9);
      expect(bands[i]!.width).toBeCloseTo(CARD.width + 2 * bleed, 9);
      expect(bands[i]!.height).toBeCloseTo(30 + bleed, 9);
    });
    const marks = allItems(front!.nodes).filter((item): item is RectItem => item.type === 'rect' && item.fill === REGISTRATION);
    const verticals = [...new Set(marks.filter((mark) => mark.width === 0.5).map((mark) => mark.x + 0.25))].sort((a, b) => a - b);
    const slotX = grid.slots.slice(0, 2).map((slot) => slot.x);
    expect(verticals.map((x) => Math.round(x * 1000) / 1000)).toEqual(
      [slotX[0]!, slotX[0]! + CARD.width, slotX[1]!, slotX[1]! + CARD.width].map((x) => Math.round(x * 1000) / 1000),
    );
    expect(marks.filter((mark) => mark.height === 0.5)).toHaveLength(2 * 4 * 2); // top and bottom edge of 4 rows, left and right
    expect(allItems(back!.nodes).filter((item) => item.type === 'rect' && item.fill === REGISTRATION)).toHaveLength(0);
  });
});
