import { describe, expect, it } from 'vitest';

import { addBleed } from '../../src/impose/bleed.js';
import { impose } from '../../src/impose/impose.js';
import type { LaidPage, RectItem } from '../../src/layout/items.js';
import { mm } from '../../src/contract/page-sizes.js';
import { allItems } from '../layout/laid-items.js';

const page: LaidPage = {
  width: 612,
  height: 792,
  nodes: [{ role: 'P', items: [{ type: 'rect', x: 100, y: 200, width: 10, height: 10, fill: '#000000' }], children: [] }],
};

describe('addBleed', () => {
  it('puts the page on a larger sheet: the page is the trim box, the bleed around it, content fixed to the trim', () => {
    const bled = addBleed(page, 3);
    const { trim, bleed } = bled.boxes!;
    expect([trim.width, trim.height]).toEqual([612, 792]);
    expect(bleed.x).toBeCloseTo(trim.x - mm(3), 9);
    expect(bleed.width).toBeCloseTo(612 + 2 * mm(3), 9);
    expect(bled.width).toBeCloseTo(612 + 2 * trim.x, 9);
    expect(bled.height).toBeCloseTo(792 + 2 * trim.y, 9);
    const square = allItems(bled.nodes).find((item): item is RectItem => item.type === 'rect' && item.width === 10)!;
    expect([square.x - trim.x, square.y - trim.y]).toEqual([100, 200]);
  });

  it('draws eight crop marks, all outside the bleed box', () => {
    for (const bleedMm of [0, 3, 10]) {
      const bled = addBleed(page, bleedMm);
      const { bleed } = bled.boxes!;
      const marks = allItems(bled.nodes).filter((item): item is RectItem => item.type === 'rect' && item.width !== 10);
      expect(marks).toHaveLength(8);
      for (const mark of marks) {
        const overlaps =
          mark.x < bleed.x + bleed.width &&
          mark.x + mark.width > bleed.x &&
          mark.y < bleed.y + bleed.height &&
          mark.y + mark.height > bleed.y;
        expect(overlaps).toBe(false);
        expect(mark.x).toBeGreaterThanOrEqual(0);
        expect(mark.x + mark.width).toBeLessThanOrEqual(bled.width);
      }
    }
  });

  it('lets a background that touches the trim reach into the bleed, and leaves one inside the margins alone', () => {
    const band: RectItem = { type: 'rect', x: 0, y: 0, width: 612, height: 50, fill: '#111111' };
    const outline: RectItem = { type: 'rect', x: 0, y: 300, width: 612, height: 50, stroke: '#000000' };
    const bled = addBleed({ ...page, nodes: [...page.nodes, { role: 'P', items: [band, outline], children: [] }] }, 3);
    const { trim, bleed } = bled.boxes!;
    const rects = allItems(bled.nodes).filter((item): item is RectItem => item.type === 'rect');
    const reaching = rects.find((item) => item.fill === '#111111')!;
    expect(reaching.x).toBeCloseTo(bleed.x, 9);
    expect(reaching.y).toBeCloseTo(bleed.y, 9);
    expect(reaching.width).toBeCloseTo(bleed.width, 9);
    expect(reaching.y + reaching.height).toBeCloseTo(trim.y + 50, 9); // the inner edge stays put
    const stroked = rects.find((item) => item.stroke === '#000000')!;
    expect([stroked.x - trim.x, stroked.width]).toEqual([0, 612]);
    const square = rects.find((item) => item.width === 10)!;
    expect([square.x - trim.x, square.y - trim.y]).toEqual([100, 200]);
  });

  it('is left out when no bleed is asked for', () => {
    expect(impose([page], { sheet: 'letter', arrange: 'stacked' })).toEqual([page]);
  });
});
