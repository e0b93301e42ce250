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
    for (const node of walk(page.nodes)) for (const item of node.items) checkItem(item, index + 1);
  });
}

function* walk(nodes: readonly LaidNode[]): Generator<LaidNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

/** Checks the numbers in place (this runs for every glyph of every notice); the message is built only on failure. */
function checkItem(item: Item, page: number): void {
  const bad = (name: string, value: number): never => {
    throw new Error(`layout bug: a ${item.type} item on page ${page} has ${name} = ${value}`);
  };
  if (!Number.isFinite(item.x)) bad('x', item.x);
  if (!Number.isFinite(item.y)) bad('y', item.y);
  if (item.type === 'glyphs') {
    if (!Number.isFinite(item.size)) bad('size', item.size);
    const glyphs = item.glyphs;
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]!;
      if (!Number.isFinite(glyph.xAdvance)) bad(`glyph ${i} advance`, glyph.xAdvance);
      if (!Number.isFinite(glyph.xOffset)) bad(`glyph ${i} x offset`, glyph.xOffset);
      if (!Number.isFinite(glyph.yOffset)) bad(`glyph ${i} y offset`, glyph.yOffset);
    }
  } else if (item.type === 'qr') {
    if (!Number.isFinite(item.size)) bad('size', item.size);
    if (!Number.isFinite(item.module)) bad('module', item.module);
  } else {
    if (!Number.isFinite(item.width)) bad('width', item.width);
    if (!Number.isFinite(item.height)) bad('height', item.height);
  }
}
