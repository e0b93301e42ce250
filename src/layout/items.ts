import type { LoadedFont } from '../fonts/loaded-font.js';
import type { ShapedGlyph } from '../text/shape.js';

/** Positioned things to draw. Coordinates are points from the page's top-left; y of glyphs is the baseline. */
export type Color = string;

export interface GlyphRunItem {
  readonly type: 'glyphs';
  readonly font: LoadedFont;
  readonly size: number;
  readonly x: number;
  readonly y: number;
  readonly glyphs: readonly ShapedGlyph[];
  readonly text: string;
  /** Right-to-left run: glyphs are in visual order, text in logical order. */
  readonly rtl: boolean;
  readonly color: Color;
}

export interface RectItem {
  readonly type: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill?: Color;
  readonly stroke?: Color;
  readonly lineWidth?: number;
}

/** Many filled rectangles drawn as one path (QR codes). Flat [x, y, w, h, ...]. */
export interface RectsItem {
  readonly type: 'rects';
  readonly rects: readonly number[];
  readonly fill: Color;
}

export interface LinkItem {
  readonly type: 'link';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly url: string;
}

export type Item = GlyphRunItem | RectItem | RectsItem | LinkItem;

/** Structure roles written to the tagged PDF. 'Artifact' is decoration. */
export type Role = 'Document' | 'Sect' | 'H1' | 'H2' | 'P' | 'L' | 'LI' | 'Figure' | 'Artifact';

/** A node of the tagged structure with what it draws. */
export interface LaidNode {
  readonly role: Role;
  readonly lang?: string;
  readonly alt?: string;
  readonly items: readonly Item[];
  readonly children: readonly LaidNode[];
}

export interface LaidPage {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly LaidNode[];
}

export function translateItem(item: Item, dx: number, dy: number): Item {
  if (item.type === 'rects') {
    return { ...item, rects: item.rects.map((value, i) => (i % 4 === 0 ? value + dx : i % 4 === 1 ? value + dy : value)) };
  }
  return { ...item, x: item.x + dx, y: item.y + dy };
}

export function translateNode(node: LaidNode, dx: number, dy: number): LaidNode {
  if (dx === 0 && dy === 0) return node;
  return {
    ...node,
    items: node.items.map((item) => translateItem(item, dx, dy)),
    children: node.children.map((child) => translateNode(child, dx, dy)),
  };
}
