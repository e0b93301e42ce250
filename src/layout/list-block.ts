import type { List } from '../parse/notice-tree.js';
import { stack } from './flow.js';
import type { Laid, LayoutContext } from './context.js';
import { laidNode, placeNodes, translateNode } from './items.js';
import { textSize } from './theme.js';
import { layoutOneLine, layoutText } from './text-block.js';

/**
 * A list. Unmarked, each item starts with "• " and wraps under its bullet.
 * Numbered (`numbered="yes"`, counting from `start`) or hanging
 * (`hang="yes"`), the marker sits in a column of its own and every line of
 * the item wraps under the item's first word, not under the marker: the
 * marker column is as wide as the widest marker plus a space. On a
 * right-to-left section the marker column is on the right.
 */
export function layoutList(block: List, ctx: LayoutContext): Laid {
  const size = textSize(ctx.theme, block.size, ctx.scale);
  const style = { role: 'LI', size, leading: ctx.theme.leading.body, align: 'start', bold: block.numbered === true } as const;
  const hanging = block.numbered === true || block.hang === true;
  const items = hanging
    ? hangingItems(block, style, ctx)
    : block.items.map((inlines) => layoutText([{ text: '• ', bold: false }, ...inlines], { ...style, bold: false }, ctx));
  const inner = stack(
    items,
    items.map(() => ctx.theme.gaps.item * ctx.scale),
    0,
  );
  return { ...inner, nodes: [laidNode('L', [], inner.nodes)] };
}

type ItemStyle = Parameters<typeof layoutText>[1];

/** A marker on one line, moved so that its ink starts at x = 0 whatever the section's direction. */
function oneLine(text: string, style: ItemStyle, ctx: LayoutContext): { laid: Laid; width: number } {
  const line = layoutOneLine([{ text, bold: style.bold }], style, { ...ctx, width: 1e6 }, 1)!;
  const xs = placeNodes(line.laid.nodes).flatMap((node) => node.items.map((item) => item.x));
  const left = xs.length > 0 ? Math.min(...xs) : 0;
  return { laid: { ...line.laid, nodes: line.laid.nodes.map((node) => translateNode(node, -left, 0)) }, width: line.width };
}

function hangingItems(block: List, style: ItemStyle, ctx: LayoutContext): Laid[] {
  const first = block.start ?? 1;
  const markers = block.items.map((_, index) => (block.numbered ? `${first + index}.` : '•'));
  const laidMarkers = markers.map((marker) => oneLine(marker, style, ctx));
  const space = oneLine('\u00a0', style, ctx).width;
  const indent = Math.max(...laidMarkers.map((marker) => marker.width)) + Math.max(space, style.size * 0.4);
  const rtl = ctx.dir === 'rtl';
  return block.items.map((inlines, index) => {
    const body = layoutText(inlines, { ...style, bold: false }, { ...ctx, width: ctx.width - indent });
    const marker = laidMarkers[index]!;
    // The marker sits on the first line's baseline.
    const dy = (body.baseline ?? 0) - (marker.laid.baseline ?? 0);
    const markerX = rtl ? ctx.width - marker.width : 0;
    const markerNodes = marker.laid.nodes.map((node) => translateNode(node, markerX, dy));
    const bodyNodes = body.nodes.map((node) => translateNode(node, rtl ? 0 : indent, 0));
    // One LI node holding the marker's glyphs and then the item's, so the marker reads first.
    const items = placeNodes([...markerNodes, ...bodyNodes]).flatMap((node) => node.items);
    return { ...body, height: Math.max(body.height, marker.laid.height + dy), nodes: [laidNode('LI', items, [])] };
  });
}
