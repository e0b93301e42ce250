/**
 * A page's pixels as MuPDF (SumatraPDF, many phone readers) renders it: for the checks that read pixels (QR codes,
 * ink near a cut line) rather than compare them with golden images, which stay pdf.js's (pdf-render.ts). MuPDF
 * rasterises a page in about a quarter of the CPU pdf.js and @napi-rs/canvas take. Nothing here shares code with src/.
 */
import * as mupdf from 'mupdf';

import type { RenderedPage } from './pdf-render.js';

/** Page `pageIndex` (from 0) at `dpi`, on white, as RGBA like renderPage's. */
export function renderPixels(bytes: Uint8Array, pageIndex: number, dpi: number): RenderedPage {
  if (!(dpi > 0)) throw new RangeError(`Invalid dpi ${dpi}`);
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= doc.countPages()) {
      throw new RangeError(`Page index ${pageIndex} is out of range (document has ${doc.countPages()} pages)`);
    }
    const page = doc.loadPage(pageIndex);
    const pixmap = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false);
    try {
      const [width, height, rgb] = [pixmap.getWidth(), pixmap.getHeight(), pixmap.getPixels()];
      const data = new Uint8ClampedArray(width * height * 4);
      for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
        data[i] = rgb[j]!;
        data[i + 1] = rgb[j + 1]!;
        data[i + 2] = rgb[j + 2]!;
        data[i + 3] = 255;
      }
      return { width, height, data };
    } finally {
      pixmap.destroy();
      page.destroy();
    }
  } finally {
    doc.destroy();
  }
}
