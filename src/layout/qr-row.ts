import type { Qr, QrRow } from '../parse/notice-tree.js';
import { layoutFlow } from './flow.js';
import { EMPTY, type Laid, type LayoutContext } from './context.js';
import { laidNode, translateNode, type LaidNode } from './items.js';
import { layoutCaption, qrCodeSize, qrFigure, qrSide } from './qr-block.js';

/**
 * QR codes side by side (the rights link and a jurisdiction's page for
 * documenting an incident), each a block of its own: a heading band in its
 * tone (a dark band and an outlined one tell them apart at a glance) beside
 * the code where there is room (the code on the right, or on the left in a
 * right-to-left context), else above it, and its link on one line under
 * the code. The blocks
 * share everything a reader compares: one band height, one code size, one
 * caption size, so tops, codes and caption baselines line up across the row.
 * In a right-to-left context the first code is on the right.
 */
export function layoutQrRow(block: QrRow, ctx: LayoutContext): Laid {
  const gap = ctx.theme.qrGap;
  const count = block.codes.length;
  const width = (ctx.width - gap * (count - 1)) / count;
  const cell = { ...ctx, width };
  const code = Math.max(...block.codes.map((qr) => qrCodeSize(qr, cell)));
  const sides = block.codes.map((qr) => qrSide(qr, cell, code));
  const side = Math.max(...sides.map((s) => s.side));
  // The heading band beside the code where it has room (a row no taller than one code), else above it.
  const besideWidth = width - side - gap / 2;
  const beside = besideWidth >= MIN_BAND_WIDTH * ctx.theme.scale;
  const codeLeft = ctx.dir === 'rtl';
  const bandCtx = { ...cell, width: beside ? besideWidth : width };
  const bands = block.codes.map((qr) => headingBand(qr, bandCtx));
  const bandHeight = Math.max(beside ? side : 0, ...bands.map((band) => band.height));
  // The smallest size at which each link fits its cell on one line, then every link at the smallest of those.
  const fitted = block.codes.map((qr) => layoutCaption(qr, cell, width / 2).size ?? Infinity);
  const captionSize = Math.min(...fitted);
  const codeTop = beside ? (bandHeight - side) / 2 : bandHeight + (bandHeight > 0 ? gap / 2 : 0);
  const codeX = beside ? (codeLeft ? 0 : width - side) : (width - side) / 2;
  const bandX = beside && codeLeft ? side + gap / 2 : 0;
  const captionTop = Math.max(codeTop + side, beside ? bandHeight : 0);

  const laid = block.codes.map((qr, index) => {
    const { modules, side: own } = sides[index]!;
    const band = drawBand(qr, bands[index]!, bandCtx.width, bandHeight, cell);
    // Codes of different module counts have different quiet zones: centring each in the shared side lines their codes up.
    const figure = qrFigure(qr, modules, own, codeX + (side - own) / 2, codeTop + (side - own) / 2);
    const caption = Number.isFinite(captionSize) ? layoutCaption(qr, cell, codeX + side / 2, captionSize) : EMPTY;
    const nodes = [
      ...band.nodes.map((node) => translateNode(node, bandX, 0)),
      figure,
      ...caption.nodes.map((node) => translateNode(node, 0, captionTop)),
    ];
    return { height: captionTop + caption.height, nodes, texts: [...band.texts, ...caption.texts] };
  });
  const height = Math.max(...laid.map((one) => one.height));
  const nodes = laid.flatMap((one, index) => {
    const slot = codeLeft ? count - 1 - index : index;
    return one.nodes.map((node) => translateNode(node, slot * (width + gap), 0));
  });
  return { height, nodes, texts: laid.flatMap((one) => one.texts) };
}

/** A heading band beside a code needs at least this many points of width, else it goes above the code. */
const MIN_BAND_WIDTH = 90;

/** The heading's text laid out inside its band's padding, in the band's text colour. */
function headingBand(qr: Qr, ctx: LayoutContext): Laid & { pad: number } {
  if (!qr.children || qr.children.length === 0) return { ...EMPTY, pad: 0 };
  const tone = ctx.theme.bands[qr.tone ?? 'plain'];
  const pad = bandPadding(qr, ctx);
  const inner = layoutFlow(qr.children, { ...ctx, width: ctx.width - 2 * pad, color: tone.text });
  return { ...inner, height: inner.height + 2 * pad, pad };
}

/** Half a box's padding: a band over a code is a label, not a panel. */
function bandPadding(qr: Qr, ctx: LayoutContext): number {
  const tone = ctx.theme.bands[qr.tone ?? 'plain'];
  return qr.tone === undefined || qr.tone === 'plain' ? 0 : (tone.padding / 2) * Math.min(1, Math.max(ctx.scale, 0.6));
}

/** The band at the row's shared height, its text centred in it from top to bottom. */
function drawBand(qr: Qr, band: Laid & { pad: number }, width: number, height: number, ctx: LayoutContext): Laid {
  if (height === 0) return EMPTY;
  const tone = ctx.theme.bands[qr.tone ?? 'plain'];
  const background: LaidNode[] =
    tone.fill || tone.stroke
      ? [
          laidNode(
            'Artifact',
            [{ type: 'rect', x: 0, y: 0, width, height, fill: tone.fill, stroke: tone.stroke, lineWidth: 1.5 * ctx.theme.scale }],
            [],
          ),
        ]
      : [];
  const dy = (height - band.height) / 2 + band.pad;
  return { height, nodes: [...background, ...band.nodes.map((node) => translateNode(node, band.pad, dy))], texts: band.texts };
}
