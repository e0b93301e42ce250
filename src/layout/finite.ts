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

function checkItem(item: Item, page: number): void {
  const numbers: Record<string, number> = { x: item.x, y: item.y };
  if (item.type === 'glyphs') {
    numbers.size = item.size;
    item.glyphs.forEach((glyph, i) => {
      numbers[`glyph ${i} advance`] = glyph.xAdvance;
      numbers[`glyph ${i} x offset`] = glyph.xOffset;
      numbers[`glyph ${i} y offset`] = glyph.yOffset;
    });
  } else if (item.type === 'qr') {
    numbers.size = item.size;
    numbers.module = item.module;
  } else {
    numbers.width = item.width;
    numbers.height = item.height;
  }
  for (const [name, value] of Object.entries(numbers)) {
    if (!Number.isFinite(value)) throw new Error(`layout bug: a ${item.type} item on page ${page} has ${name} = ${value}`);
  }
}
