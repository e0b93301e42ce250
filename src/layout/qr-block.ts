import { InputError, TemplateError } from '../errors.js';
import type { Block, Qr } from '../parse/notice-tree.js';
import { EMPTY, type Laid, type LayoutContext } from './context.js';
import { layoutFlow } from './flow.js';
import { translateNode, type LaidNode } from './items.js';
import { mm } from '../contract/page-sizes.js';
import { moduleSize, qrModules, QUIET_ZONE } from './qr-code.js';
import { textSize } from './theme.js';
import { layoutOneLine } from './text-block.js';

/** A label beside the code needs at least this many points of width, else it goes above the code. */
const MIN_LABEL_WIDTH = 90;

/**
 * The QR block: the code, its quiet zone kept clear, a label beside it
 * (towards the code) and the caption, on one line, under it. The code
 * without its quiet zone is the theme's size for the paper, or the
 * markup's `size` (on Letter, grown with the paper) if that is larger.
 */
export function layoutQr(block: Qr, ctx: LayoutContext): Laid {
  const modules = qrModules(block.href);
  const code = Math.max(ctx.theme.qrCode, mm(block.sizeMm) * ctx.theme.scale);
  const side = code * ((modules.size + 2 * QUIET_ZONE) / modules.size);
  if (side > ctx.width) {
    const asMm = (points: number) => (points / mm(1)).toFixed(0);
    throw new TemplateError(
      `the QR code (${asMm(code)} mm, ${asMm(side)} mm with its quiet zone) is wider than its column (${asMm(ctx.width)} mm); give its column more room in the template`,
    );
  }
  const gap = ctx.theme.qrGap;
  const besideWidth = ctx.width - side - gap;
  const children = block.children ?? [];
  const beside = children.length > 0 && besideWidth >= MIN_LABEL_WIDTH * ctx.theme.scale;
  const label =
    children.length === 0
      ? EMPTY
      : layoutFlow(
          children.map((child) => towardCode(child, ctx.dir)),
          { ...ctx, width: beside ? besideWidth : ctx.width },
        );
  const above = beside ? 0 : label.height + (label.height > 0 ? gap : 0);
  const codeX = beside ? ctx.width - side : (ctx.width - side) / 2;
  const figure: LaidNode = {
    role: 'Figure',
    alt: `QR code linking to ${block.href}`,
    children: [],
    items: [
      { type: 'qr', x: codeX, y: above, size: side, module: moduleSize(modules, side), modules, fill: '#000000' },
      { type: 'link', x: codeX, y: above, width: side, height: side, url: block.href },
    ],
  };
  const labelY = beside ? Math.max(0, (side - label.height) / 2) : 0;
  const top = beside ? Math.max(side, label.height) : above + side;
  const caption = layoutCaption(block, ctx, codeX + side / 2);
  return {
    height: top + caption.height,
    nodes: [
      ...label.nodes.map((node) => translateNode(node, 0, labelY)),
      figure,
      ...caption.nodes.map((node) => translateNode(node, 0, top)),
    ],
    texts: [...label.texts, ...caption.texts],
  };
}

/** The label's paragraphs lean towards the code on its right: end-aligned in left-to-right text, start-aligned in right-to-left. */
function towardCode(block: Block, dir: 'ltr' | 'rtl'): Block {
  if (block.kind === 'paragraph') return { ...block, align: dir === 'rtl' ? 'start' : 'end' };
  if (block.kind === 'section') return { ...block, children: block.children.map((child) => towardCode(child, block.dir)) };
  return block;
}

/**
 * The caption on one line, centred under the code where there is room and
 * kept inside the block otherwise: it shrinks rather than wraps, since a
 * link broken over two lines invites mistyping.
 */
function layoutCaption(block: Qr, ctx: LayoutContext, centre: number): Laid {
  if (!block.caption) return EMPTY;
  const inlines = [{ text: block.caption, bold: false }];
  const style = {
    role: 'P',
    size: textSize(ctx.theme, 'small', Math.min(ctx.scale, 1)),
    leading: ctx.theme.leading.body,
    align: 'start',
    bold: false,
  } as const;
  const line = layoutOneLine(inlines, style, { ...ctx, dir: 'ltr' }, ctx.theme.minCaption);
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
  return { ...line.laid, nodes: line.laid.nodes.map((node) => translateNode(node, x, 0)) };
}
