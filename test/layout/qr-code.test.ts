import jsQRModule from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';

import { QUIET_ZONE, qrModules, type QrModules } from '../../src/layout/qr-code.js';
import { qrRects, rectangles } from './laid-items.js';

// jsqr's typings declare an ES default export inside a CommonJS package (see test/helpers/pdf-reader.ts).
const jsQR = jsQRModule.default;

const LINK = 'https://www.ilrc.org/red-cards';

/** Which modules the runs cover, as "row,column" keys; fails on overlapping runs. */
function covered(modules: QrModules): Set<string> {
  const cells = new Set<string>();
  for (const [row, column, length] of modules.runs) {
    for (let c = column; c < column + length; c++) {
      const key = `${row},${c}`;
      expect(cells.has(key), `module ${key} is covered twice`).toBe(false);
      cells.add(key);
    }
  }
  return cells;
}

/** Draws the modules with their quiet zone as an RGBA image, `scale` pixels per module. */
function paint(modules: QrModules, scale: number): { data: Uint8ClampedArray; side: number } {
  const side = (modules.size + 2 * QUIET_ZONE) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [row, column, length] of modules.runs) {
    for (let y = (row + QUIET_ZONE) * scale; y < (row + QUIET_ZONE + 1) * scale; y++) {
      for (let x = (column + QUIET_ZONE) * scale; x < (column + QUIET_ZONE + length) * scale; x++) {
        data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    }
  }
  return { data, side };
}

describe('qrModules', () => {
  const modules = qrModules(LINK);
  const reference = QRCode.create(LINK, { errorCorrectionLevel: 'M' }).modules;

  it('has runs of length at least 1, inside the code', () => {
    expect(modules.runs.length).toBeGreaterThan(0);
    for (const [row, column, length] of modules.runs) {
      expect(length).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(length)).toBe(true);
      expect(row).toBeGreaterThanOrEqual(0);
      expect(row).toBeLessThan(modules.size);
      expect(column).toBeGreaterThanOrEqual(0);
      expect(column + length).toBeLessThanOrEqual(modules.size);
    }
  });

  it('covers exactly the dark modules of the code at error correction level M', () => {
    expect(modules.size).toBe(reference.size);
    const cells = covered(modules);
    for (let row = 0; row < modules.size; row++) {
      for (let column = 0; column < modules.size; column++) {
        expect(cells.has(`${row},${column}`), `module ${row},${column}`).toBe(Boolean(reference.get(row, column)));
      }
    }
  });

  it('uses maximal runs: two runs in one row never touch', () => {
    const ends = new Set(modules.runs.map(([row, column, length]) => `${row},${column + length}`));
    for (const [row, column] of modules.runs) expect(ends.has(`${row},${column}`)).toBe(false);
  });

  it('decodes back to the link', () => {
    const { data, side } = paint(modules, 4);
    expect(jsQR(data, side, side)?.data).toBe(LINK);
  });

  it('returns the same modules for the same link every time', () => {
    expect(qrModules(LINK)).toEqual(modules);
    expect(qrModules('https://example.org/other').runs).not.toEqual(modules.runs);
  });
});

describe('qrRects', () => {
  const modules = qrModules(LINK);

  it('places the modules inside a 4-module quiet zone at the given corner', () => {
    const width = 100;
    const unit = width / (modules.size + 2 * QUIET_ZONE);
    const rects = rectangles(qrRects(modules, 10, 20, width));
    expect(rects).toHaveLength(modules.runs.length);
    expect(Math.min(...rects.map((rect) => rect.x))).toBeCloseTo(10 + QUIET_ZONE * unit, 9);
    expect(Math.min(...rects.map((rect) => rect.y))).toBeCloseTo(20 + QUIET_ZONE * unit, 9);
    expect(Math.max(...rects.map((rect) => rect.x + rect.width))).toBeCloseTo(10 + width - QUIET_ZONE * unit, 9);
    expect(Math.max(...rects.map((rect) => rect.y + rect.height))).toBeCloseTo(20 + width - QUIET_ZONE * unit, 9);
    rects.forEach((rect, i) => {
      const [row, column, length] = modules.runs[i]!;
      expect(rect.x).toBeCloseTo(10 + (column + QUIET_ZONE) * unit, 9);
      expect(rect.y).toBeCloseTo(20 + (row + QUIET_ZONE) * unit, 9);
      expect(rect.width).toBeCloseTo(length * unit, 9);
      expect(rect.height).toBeCloseTo(unit, 9);
    });
  });
});
