import { laidNode, type LaidNode, type RectItem } from '../layout/items.js';

/** Printer's marks are hairlines: thin enough to cut on, thick enough to print. */
export const MARK_WIDTH = 0.5;
/**
 * Marks print in registration colour, on every plate (draw/ink.ts makes it
 * a Separation named All), so each plate the press aligns shows them.
 */
export const REGISTRATION = 'registration';
const INK = REGISTRATION;

/** A horizontal hairline from x1 to x2 at height y. */
export function horizontalMark(x1: number, x2: number, y: number): RectItem {
  return { type: 'rect', x: Math.min(x1, x2), y: y - MARK_WIDTH / 2, width: Math.abs(x2 - x1), height: MARK_WIDTH, fill: INK };
}

/** A vertical hairline from y1 to y2 at x. */
export function verticalMark(x: number, y1: number, y2: number): RectItem {
  return { type: 'rect', x: x - MARK_WIDTH / 2, y: Math.min(y1, y2), width: MARK_WIDTH, height: Math.abs(y2 - y1), fill: INK };
}

/** Marks are decoration: one untagged node. */
export function marksNode(items: readonly RectItem[]): LaidNode {
  return laidNode('Artifact', items, []);
}
