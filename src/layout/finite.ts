import type { Item, LaidNode, LaidPage } from './items.js';

/**
 * Layout's one promise about numbers: every coordinate and size it hands to
 * drawing is finite. Markup attributes are bounded when parsed; this checks
 * the result, whatever the attributes were, and a failure is a bug.
 */
export function assertFinite(pages: readonly LaidPage[]): void {
  pages.forEach((page, index) => {
    if (!Number.isFinite(page.width) || !Number.isFinite(page.height))
      throw new Error(`layout bug: page ${index + 1} has a non-finite size`);
    checkNodes(page.nodes, index + 1);
  });
}

/** Every item of the nodes and their children, depth first (a loop, not a generator: this runs for every node of every notice). */
function checkNodes(nodes: readonly LaidNode[], page: number): void {
  for (const node of nodes) {
    for (const item of node.items) checkItem(item, page);
    checkNodes(node.children, page);
  }
}

/** Checks the numbers in place (this runs for every glyph of every notice); the message is built only on failure. */
function checkItem(item: Item, page: number): void {
  if (!Number.isFinite(item.x)) fail(item, page, 'x', item.x);
  if (!Number.isFinite(item.y)) fail(item, page, 'y', item.y);
  if (item.type === 'glyphs') {
    if (!Number.isFinite(item.size)) fail(item, page, 'size', item.size);
    const glyphs = item.glyphs;
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]!;
      if (!Number.isFinite(glyph.xAdvance)) fail(item, page, `glyph ${i} advance`, glyph.xAdvance);
      if (!Number.isFinite(glyph.xOffset)) fail(item, page, `glyph ${i} x offset`, glyph.xOffset);
      if (!Number.isFinite(glyph.yOffset)) fail(item, page, `glyph ${i} y offset`, glyph.yOffset);
    }
  } else if (item.type === 'qr') {
    if (!Number.isFinite(item.size)) fail(item, page, 'size', item.size);
    if (!Number.isFinite(item.module)) fail(item, page, 'module', item.module);
  } else {
    if (!Number.isFinite(item.width)) fail(item, page, 'width', item.width);
    if (!Number.isFinite(item.height)) fail(item, page, 'height', item.height);
  }
}

function fail(item: Item, page: number, name: string, value: number): never {
  throw new Error(`layout bug: a ${item.type} item on page ${page} has ${name} = ${value}`);
}
