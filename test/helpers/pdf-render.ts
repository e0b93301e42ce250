/** A page rendered to pixels with pdf.js and @napi-rs/canvas, and QR codes read from them with jsQR. */
import jsQRModule from 'jsqr';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

import { getPageAt, NapiCanvasFactory, VIEW, withDocument } from './pdfjs-open.js';

export interface RenderedPage {
  width: number;
  height: number;
  /** RGBA, row-major, `width * height * 4` bytes. */
  data: Uint8ClampedArray;
}

export async function renderPage(bytes: Uint8Array, pageIndex: number, dpi: number): Promise<RenderedPage> {
  if (!(dpi > 0)) throw new RangeError(`Invalid dpi ${dpi}`);
  return withDocument(bytes, VIEW, async (doc) => {
    const page = await getPageAt(doc, pageIndex);
    const viewport = page.getViewport({ scale: dpi / 72 });
    // Round, not ceil: 792pt at 150dpi is 1650.0000000000002 px.
    const width = Math.round(viewport.width);
    const height = Math.round(viewport.height);
    const { context } = new NapiCanvasFactory().create(width, height);
    await page.render({
      // pdf.js is typed against the DOM's CanvasRenderingContext2D, which @napi-rs/canvas
      // implements but which is not in this project's lib; cast at the boundary.
      canvasContext: context as unknown as Parameters<PDFPageProxy['render']>[0]['canvasContext'],
      viewport,
      background: '#ffffff',
    }).promise;
    return { width, height, data: context.getImageData(0, 0, width, height).data };
  });
}

export async function decodeQr(bytes: Uint8Array, opts: { pageIndex?: number; dpi?: number } = {}): Promise<string | null> {
  const image = await renderPage(bytes, opts.pageIndex ?? 0, opts.dpi ?? 150);
  return scanForQr(image);
}

// jsqr's typings declare an ES default export inside a CommonJS package, so under NodeNext
// TypeScript sees the default import as the module object; at runtime module.exports is the
// function itself (with `.default` pointing at it too).
const jsQR = jsQRModule.default;

interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Whole image first; if that fails, overlapping windows of 1/2 then 1/3 of each side. */
function scanForQr(image: RenderedPage): string | null {
  const whole = detectQr(image);
  if (whole !== null) return whole;
  for (const divisions of [2, 3]) {
    for (const region of slidingWindows(image.width, image.height, divisions)) {
      const found = detectQr(crop(image, region));
      if (found !== null) return found;
    }
  }
  return null;
}

/** jsQR can "decode" noise (e.g. small text) into an empty payload; treat that as no code. */
function detectQr(image: RenderedPage): string | null {
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return code && code.data !== '' ? code.data : null;
}

/**
 * Windows `1/divisions` of each side, stepping by half a window, so any code up to half a
 * window across lies wholly inside at least one of them.
 */
function slidingWindows(width: number, height: number, divisions: number): Region[] {
  const windowWidth = Math.ceil(width / divisions);
  const windowHeight = Math.ceil(height / divisions);
  const steps = divisions * 2 - 1;
  const regions: Region[] = [];
  for (let row = 0; row < steps; row++) {
    for (let column = 0; column < steps; column++) {
      const left = Math.min(Math.round((column * windowWidth) / 2), width - windowWidth);
      const top = Math.min(Math.round((row * windowHeight) / 2), height - windowHeight);
      regions.push({ left, top, width: windowWidth, height: windowHeight });
    }
  }
  return regions;
}

function crop(image: RenderedPage, { left, top, width, height }: Region): RenderedPage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const start = ((top + row) * image.width + left) * 4;
    data.set(image.data.subarray(start, start + width * 4), row * width * 4);
  }
  return { width, height, data };
}
