import { InputError, TemplateError } from '../errors.js';
import type { Block, Qr } from '../parse/notice-tree.js';
import { EMPTY, type Laid, type LayoutContext } from './context.js';
import { layoutFlow } from './flow.js';
import { laidNode, translateNode, type LaidNode } from './items.js';
import { mm } from '../contract/page-sizes.js';
import { moduleSize, qrModules, QUIET_ZONE, type QrModules } from './qr-code.js';
import { textSize } from './theme.js';
import { layoutOneLine } from './text-block.js';

/** A label beside the code needs at least this many points of width, else it goes above the code. */
const MIN_LABEL_WIDTH = 90;

/**
 * The QR block: the code, its quiet zone kept clear, a label beside it
 * (towards the code; the code on the right, or on the left in a
 * right-to-left context) and the caption, on one line, under it. The code
 * without its quiet zone is the theme's size for the paper, or the
 * markup's `size` (on Letter, grown with the paper) if that is larger.
 */
export function layoutQr(block: Qr, ctx: LayoutContext): Laid {
  const { modules, side } = qrSide(block, ctx);
  const gap = ctx.theme.qrGap;
  const besideWidth = ctx.width - side - gap;
  const children = block.children ?? [];
  const beside = children.length > 0 && besideWidth >= MIN_LABEL_WIDTH * ctx.theme.scale;
  // In a right-to-left footer the code is on the left, its label on the right.
  const codeLeft = ctx.dir === 'rtl';
  const label =
    children.length === 0
      ? EMPTY
      : layoutFlow(
          children.map((child) => towardCode(child, ctx.dir, codeLeft)),
          { ...ctx, width: beside ? besideWidth : ctx.width },
        );
  const above = beside ? 0 : label.height + (label.height > 0 ? gap : 0);
  const codeX = beside ? (codeLeft ? 0 : ctx.width - side) : (ctx.width - side) / 2;
  const labelX = beside && codeLeft ? side + gap : 0;
  const figure = qrFigure(block, modules, side, codeX, above);
  const labelY = beside ? Math.max(0, (side - label.height) / 2) : 0;
  const top = beside ? Math.max(side, label.height) : above + side;
  const caption = layoutCaption(block, ctx, codeX + side / 2);
  return {
    height: top + caption.height,
    nodes: [
      ...label.nodes.map((node) => translateNode(node, labelX, labelY)),
      figure,
      ...caption.nodes.map((node) => translateNode(node, 0, top)),
    ],
    texts: [...label.texts, ...caption.texts],
  };
}

/**
 * A code's modules and its printed side, quiet zone included: the theme's
 * code size for the paper, or the markup's `size` (on Letter, grown with
 * the paper) if that is larger, or `code` points when a row gives one.
 */
export function qrSide(block: Qr, ctx: LayoutContext, code = qrCodeSize(block, ctx)): { modules: QrModules; side: number } {
  const modules = qrModules(block.href, ctx.caches?.qr);
  const side = code * ((modules.size + 2 * QUIET_ZONE) / modules.size);
  if (side > ctx.width + 1e-6) {
    const asMm = (points: number) => (points / mm(1)).toFixed(0);
    throw new TemplateError(
      `the QR code (${asMm(code)} mm, ${asMm(side)} mm with its quiet zone) is wider than its column (${asMm(ctx.width)} mm); give its column more room in the template`,
    );
  }
  return { modules, side };
}

/** The printed width of a code, quiet zone excluded. */
export function qrCodeSize(block: Qr, ctx: LayoutContext): number {
  return Math.max(ctx.theme.qrCode, mm(block.sizeMm) * ctx.theme.scale);
}

/** The code and its link, as one tagged figure. */
export function qrFigure(block: Qr, modules: QrModules, side: number, x: number, y: number): LaidNode {
  const items = [
    { type: 'qr', x, y, size: side, module: moduleSize(modules, side), modules, fill: '#000000' },
    { type: 'link', x, y, width: side, height: side, url: block.href },
  ] as const;
  return laidNode('Figure', items, [], undefined, `QR code linking to ${block.href}`);
}

/**
 * The label's paragraphs lean towards the code: with the code on the right,
 * end-aligned in left-to-right text and start-aligned in right-to-left;
 * with it on the left, the other way round.
 */
function towardCode(block: Block, dir: 'ltr' | 'rtl', codeLeft: boolean): Block {
  if (block.kind === 'paragraph') return { ...block, align: (dir === 'rtl') === codeLeft ? 'end' : 'start' };
  if (block.kind === 'section') return { ...block, children: block.children.map((child) => towardCode(child, block.dir, codeLeft)) };
  return block;
}

/**
 * The caption on one line, centred under the code where there is room and
 * kept inside the block otherwise: it shrinks rather than wraps, since a
 * link broken over two lines invites mistyping.
 */
export function layoutCaption(block: Qr, ctx: LayoutContext, centre: number, size?: number): Laid & { size?: number } {
  if (!block.caption) return EMPTY;
  const inlines = [{ text: block.caption, bold: false }];
  const style = {
    role: 'P',
    size: size ?? textSize(ctx.theme, 'small', Math.min(ctx.scale, 1)),
    leading: ctx.theme.leading.body,
    align: 'start',
    bold: false,
  } as const;
  const line = layoutOneLine(inlines, style, { ...ctx, dir: 'ltr' }, Math.min(size ?? Infinity, ctx.theme.minCaption));
  if (!line) {
    throw new InputError([
      {
        field: block.caption === block.href ? 'rights_url' : 'caption',
        value: block.caption,
        message: `this link is too long to print on one line under the QR code at ${ctx.theme.minCaption} pt or more (${[...block.caption].length} characters); use a shorter link, such as the site's own short address or a page nearer its home page`,
      },
    ]);
  }
  const x = Math.min(ctx.width - line.width, Math.max(0, centre - line.width / 2));
  return { ...line.laid, nodes: line.laid.nodes.map((node) => translateNode(node, x, 0)), size: line.size };
}
