/** Helpers for layout tests: lay out small markup and find the positioned items. */
import { expect } from 'vitest';

import { InputError } from '../../src/errors.js';
import { fontSet } from '../../src/fonts/font-set.js';
import { loadFont } from '../../src/fonts/loaded-font.js';
import type { GlyphRunItem, Item, LaidNode, LaidPage, LinkItem, QrItem, Role } from '../../src/layout/items.js';
import { layoutNotice } from '../../src/layout/layout-notice.js';
import type { PageSizeName } from '../../src/contract/page-sizes.js';
import { parseMarkup } from '../../src/parse/parse-markup.js';
import { moduleSize, QUIET_ZONE, type QrModules } from '../../src/layout/qr-code.js';
import { thrown } from '../helpers/thrown.js';

/** Markup for a notice whose pages hold the given bodies. */
export const notice = (pages: readonly string[], lang = 'en'): string =>
  `<notice title="Test notice" lang="${lang}">${pages.map((page) => `<page>${page}</page>`).join('')}</notice>`;

/** Lays out a one-page notice holding `body`. */
export function layPage(body: string, size: PageSizeName = 'letter', lang = 'en'): LaidPage {
  const pages = layoutNotice(parseMarkup(notice([body], lang), 'test'), { size, fonts: fontSet() });
  expect(pages).toHaveLength(1);
  return pages[0]!;
}

/** Every node, depth first. */
export function allNodes(nodes: readonly LaidNode[]): LaidNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(node.children)]);
}

/** Every item of the nodes, optionally only those of nodes with one role. */
export function allItems(nodes: readonly LaidNode[], role?: Role): Item[] {
  return allNodes(nodes).flatMap((node) => (role === undefined || node.role === role ? node.items : []));
}

export function glyphRuns(nodes: readonly LaidNode[], role?: Role): GlyphRunItem[] {
  return allItems(nodes, role).filter((item): item is GlyphRunItem => item.type === 'glyphs');
}

export function qrItems(nodes: readonly LaidNode[]): QrItem[] {
  return allItems(nodes).filter((item): item is QrItem => item.type === 'qr');
}

/** The dark modules of a QR item as rectangles in page coordinates. */
export function qrBoxes(item: QrItem): { x: number; y: number; width: number; height: number }[] {
  return rectangles(qrRects(item.modules, item.x, item.y, item.size));
}

export function linkItems(nodes: readonly LaidNode[]): LinkItem[] {
  return allItems(nodes).filter((item): item is LinkItem => item.type === 'link');
}

/** The advance width of a glyph run in points. */
export const runWidth = (run: GlyphRunItem): number =>
  run.glyphs.reduce((sum, glyph) => sum + glyph.xAdvance, 0) * (run.size / loadFont(run.face).unitsPerEm);

/** The glyph run holding `text`. */
export function runWith(runs: readonly GlyphRunItem[], text: string): GlyphRunItem {
  const run = runs.find((found) => found.text.includes(text));
  if (!run) throw new Error(`no glyph run holds "${text}": ${runs.map((found) => JSON.stringify(found.text)).join(', ')}`);
  return run;
}

/** A flat [x, y, w, h, ...] list as rectangles. */
export function rectangles(flat: readonly number[]): { x: number; y: number; width: number; height: number }[] {
  const found = [];
  for (let i = 0; i < flat.length; i += 4) found.push({ x: flat[i]!, y: flat[i + 1]!, width: flat[i + 2]!, height: flat[i + 3]! });
  return found;
}

/** The InputError `action` throws. */
export const inputError = (action: () => unknown): InputError => thrown(InputError, action);

/** The runs as rectangles [x, y, w, h, …] for a code of `width` points (quiet zone included) with its top-left at (x, y). */
export function qrRects(modules: QrModules, x: number, y: number, width: number): number[] {
  const unit = moduleSize(modules, width);
  const rects: number[] = [];
  for (const [row, column, length] of modules.runs) {
    rects.push(x + (column + QUIET_ZONE) * unit, y + (row + QUIET_ZONE) * unit, length * unit, unit);
  }
  return rects;
}
