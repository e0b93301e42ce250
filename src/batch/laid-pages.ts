import type { FontFace } from '../fonts/bundled-fonts.js';
import { loadFont } from '../fonts/loaded-font.js';
import type { Item, LaidNode, LaidPage } from '../layout/items.js';

/**
 * Laid-out pages as plain data that can cross to another thread: each glyph
 * run names its font by face (a file and an id) instead of holding the parsed
 * font, which the other thread loads once for itself.
 */
export type DetachedPage = Omit<LaidPage, 'nodes'> & { readonly nodes: readonly DetachedNode[] };
type DetachedNode = Omit<LaidNode, 'items' | 'children'> & {
  readonly items: readonly DetachedItem[];
  readonly children: readonly DetachedNode[];
};
type DetachedItem = Exclude<Item, { type: 'glyphs' }> | (Omit<Extract<Item, { type: 'glyphs' }>, 'font'> & { readonly face: FontFace });

export function detachPages(pages: readonly LaidPage[]): DetachedPage[] {
  const node = (laid: LaidNode): DetachedNode => ({
    ...laid,
    items: laid.items.map((item): DetachedItem => {
      if (item.type !== 'glyphs') return item;
      const { font, ...rest } = item;
      return { ...rest, face: font.face };
    }),
    children: laid.children.map(node),
  });
  return pages.map((page) => ({ ...page, nodes: page.nodes.map(node) }));
}

export function attachPages(pages: readonly DetachedPage[]): LaidPage[] {
  const node = (detached: DetachedNode): LaidNode => ({
    ...detached,
    items: detached.items.map((item): Item => {
      if (item.type !== 'glyphs') return item;
      const { face, ...rest } = item as Extract<DetachedItem, { face: FontFace }>;
      return { ...rest, font: loadFont(face) };
    }),
    children: detached.children.map(node),
  });
  return pages.map((page) => ({ ...page, nodes: page.nodes.map(node) }));
}
