import type { GlyphRunItem } from '../layout/items.js';
import type { PdfFonts } from './pdf-fonts.js';

const num = (value: number): string => {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

/**
 * Content-stream operators that show one glyph run exactly where layout put
 * it. The page's coordinate system is PDFKit's (y down), so the text matrix
 * flips y back. Glyphs with offsets (marks) are placed one by one.
 */
export function glyphRunOperators(run: GlyphRunItem, fonts: PdfFonts): string[] {
  const resource = fonts.select(run.font);
  const perUnit = run.size / run.font.unitsPerEm;
  const ops = ['BT', `/${resource} ${num(run.size)} Tf`];
  let penX = run.x;
  let shown: string[] = [];
  let lineOpen = false;
  const flush = (): void => {
    if (shown.length > 0) ops.push(`[${shown.join(' ')}] TJ`);
    shown = [];
  };
  for (const glyph of run.glyphs) {
    const { hex, width } = fonts.encode(run.font, glyph);
    const advance = glyph.xAdvance * perUnit;
    if (glyph.xOffset !== 0 || glyph.yOffset !== 0) {
      flush();
      ops.push(`1 0 0 -1 ${num(penX + glyph.xOffset * perUnit)} ${num(run.y - glyph.yOffset * perUnit)} Tm`, `<${hex}> Tj`);
      lineOpen = false;
    } else {
      if (!lineOpen) {
        flush();
        ops.push(`1 0 0 -1 ${num(penX)} ${num(run.y)} Tm`);
        lineOpen = true;
      }
      shown.push(`<${hex}>`);
      const adjust = width - (glyph.xAdvance * 1000) / run.font.unitsPerEm;
      if (Math.abs(adjust) > 0.0005) shown.push(num(adjust));
    }
    penX += advance;
  }
  flush();
  ops.push('ET');
  return ops;
}
