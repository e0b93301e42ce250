import type { FontFace } from '../fonts/bundled-fonts.js';
import type { ShapedGlyph } from '../text/shape.js';
import type { QrModules } from './qr-code.js';

/**
 * Positioned things to draw: plain data, which crosses to another thread as it
 * is (a batch worker's pages for the combined file). Coordinates are points
 * from the page's top-left; y of glyphs is the baseline.
 */
export type Color = string;

export interface GlyphRunItem {
  readonly type: 'glyphs';
  /** The font by face (its id and file): the draw stage embeds the font it names, loaded once per process. */
  readonly face: FontFace;
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

/** A QR code: its dark modules as runs, drawn as one path in module units. */
export interface QrItem {
  readonly type: 'qr';
  /** Top-left corner of the code's quiet zone. */
  readonly x: number;
  readonly y: number;
  /** Side of the code in points, quiet zone included. */
  readonly size: number;
  /** Side of one module in points. */
  readonly module: number;
  readonly modules: QrModules;
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

export type Item = GlyphRunItem | RectItem | QrItem | LinkItem;

/** Structure roles written to the tagged PDF. 'Artifact' is decoration. */
export type Role = 'Document' | 'Sect' | 'H1' | 'H2' | 'P' | 'L' | 'LI' | 'Figure' | 'Artifact';

/** A node of the tagged structure with what it draws. */
export interface LaidNode {
  readonly role: Role;
  readonly lang?: string;
  readonly alt?: string;
  readonly items: readonly Item[];
  readonly children: readonly LaidNode[];
  /** While laying out: how far this node's items and children sit from its parent's origin. */
  readonly dx?: number;
  readonly dy?: number;
}

export interface LaidPage {
  readonly width: number;
  readonly height: number;
  /** Nodes in page coordinates (no offsets left). */
  readonly nodes: readonly LaidNode[];
  /** Set by imposition when a print shop's bleed is asked for: TrimBox and BleedBox, from the page's top-left. */
  readonly boxes?: { readonly trim: PageBox; readonly bleed: PageBox };
  /** Set by imposition on a duplex piece (a card sheet's front, then its back): the front must start a sheet of paper. */
  readonly side?: 'front' | 'back';
  /** An outline entry for the notice this page starts (a packet's notices), nested under the business in a combined file. */
  readonly bookmark?: string;
}

/** A rectangle on the page, from its top-left corner, in points. */
export interface PageBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A node, its fields always present and in this order (`lang` and `alt` undefined when it has none): nodes made in
 * one place or another, with or without a language, then share V8's object shape, and the reads and copies of
 * layout stay monomorphic (translateNode's spread, where nodes of every shape met, was a megamorphic store: a
 * 1,000-row en,es batch took 1.3% more instructions than with this factory).
 */
export function laidNode(role: Role, items: readonly Item[], children: readonly LaidNode[], lang?: string, alt?: string): LaidNode {
  return { role, lang, alt, items, children };
}

/** Moves a node; cheap, because the move is only noted, and applied once by placeNodes. */
export function translateNode(node: LaidNode, dx: number, dy: number): LaidNode {
  if (dx === 0 && dy === 0) return node;
  const { role, lang, alt, items, children } = node;
  return { role, lang, alt, items, children, dx: (node.dx ?? 0) + dx, dy: (node.dy ?? 0) + dy };
}

function translateItem(item: Item, dx: number, dy: number): Item {
  if (dx === 0 && dy === 0) return item;
  // Glyph runs, most of a page's items, written out field by field in their order (text-block.ts textNode): cheaper than a spread.
  if (item.type === 'glyphs') {
    const { face, size, glyphs, text, rtl, color } = item;
    return { type: 'glyphs', face, size, x: item.x + dx, y: item.y + dy, glyphs, text, rtl, color };
  }
  return { ...item, x: item.x + dx, y: item.y + dy };
}

/** Applies every noted move, giving nodes whose items are in the coordinates of (x, y)'s frame. */
export function placeNodes(nodes: readonly LaidNode[], x = 0, y = 0): LaidNode[] {
  const placed: LaidNode[] = new Array<LaidNode>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const ox = x + (node.dx ?? 0);
    const oy = y + (node.dy ?? 0);
    const items = new Array<Item>(node.items.length);
    for (let k = 0; k < items.length; k++) items[k] = translateItem(node.items[k]!, ox, oy);
    placed[i] = withoutOffsets(node, items, placeNodes(node.children, ox, oy));
  }
  return placed;
}

/** The node with these items and children and no offsets (they are applied). */
function withoutOffsets(node: LaidNode, items: Item[], children: LaidNode[]): LaidNode {
  return laidNode(node.role, items, children, node.lang, node.alt);
}
