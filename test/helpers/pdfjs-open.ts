/**
 * Opening a PDF with pdf.js (legacy build, the one meant for Node) for the
 * test suite's readers (pdf-reader.ts, pdf-font-list.ts, pdf-render.ts), with
 * @napi-rs/canvas for its scratch canvases. Nothing here shares code with src/.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type * as NapiCanvas from '@napi-rs/canvas';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdf.js set-up

const requireHere = createRequire(import.meta.url);
const PDFJS_ROOT = path.dirname(requireHere.resolve('pdfjs-dist/package.json'));
const PDFJS_ENTRY = path.join(PDFJS_ROOT, 'legacy', 'build', 'pdf.mjs');

// In Node, pdf.js never starts a real worker: it `import()`s the worker module into the main
// thread ("fake worker"). It defaults to './pdf.worker.mjs' next to pdf.mjs; pinning an absolute
// file URL keeps that working even if a bundler (vite) ever inlines pdf.mjs.
pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(path.join(PDFJS_ROOT, 'legacy', 'build', 'pdf.worker.mjs')).href;

// pdf.js's Node factories read `${baseUrl}${filename}` with fs.readFile, so these must be
// plain directory paths ending in a separator; a 'file://' URL string would not be found.
const STANDARD_FONT_DATA_PATH = path.join(PDFJS_ROOT, 'standard_fonts') + path.sep;
const CMAP_PATH = path.join(PDFJS_ROOT, 'cmaps') + path.sep;

type CanvasModule = typeof NapiCanvas;

let canvasModuleCache: CanvasModule | undefined;

/**
 * The @napi-rs/canvas module to draw with. pdf.js polyfills globalThis.Path2D/DOMMatrix/
 * ImageData from the copy *it* resolves (pdfjs-dist pins its own 0.1.x, nested under
 * pdfjs-dist/node_modules), and a context from one copy rejects a Path2D from another
 * ("not a valid enum value of type CanvasFillRule"). So draw with whichever copy owns the
 * global Path2D: pdf.js's own, unless something installed globals before pdf.js loaded.
 */
function canvasModule(): CanvasModule {
  if (canvasModuleCache === undefined) {
    const candidates: CanvasModule[] = [
      createRequire(PDFJS_ENTRY)('@napi-rs/canvas') as CanvasModule,
      requireHere('@napi-rs/canvas') as CanvasModule,
    ];
    const globalPath2D = (globalThis as { Path2D?: unknown }).Path2D;
    canvasModuleCache = candidates.find((m) => m.Path2D === globalPath2D) ?? candidates[0];
  }
  return canvasModuleCache as CanvasModule;
}

interface CanvasAndContext {
  canvas: NapiCanvas.Canvas | null;
  context: NapiCanvas.SKRSContext2D | null;
}

/** Passed to getDocument so pdf.js's scratch canvases (masks, patterns) match ours. */
export class NapiCanvasFactory {
  create(width: number, height: number): { canvas: NapiCanvas.Canvas; context: NapiCanvas.SKRSContext2D } {
    if (!(width > 0 && height > 0)) throw new RangeError(`Invalid canvas size ${width}x${height}`);
    const canvas = canvasModule().createCanvas(width, height);
    return { canvas, context: canvas.getContext('2d') };
  }

  reset(target: CanvasAndContext, width: number, height: number): void {
    if (!target.canvas) throw new Error('Canvas is not specified');
    target.canvas.width = width;
    target.canvas.height = height;
  }

  destroy(target: CanvasAndContext): void {
    if (target.canvas) {
      target.canvas.width = 0;
      target.canvas.height = 0;
    }
    target.canvas = null;
    target.context = null;
  }
}

interface OpenOptions {
  /**
   * Whether pdf.js may substitute its bundled standard fonts (Foxit/Liberation) for
   * non-embedded fonts. Needed to render them; but once substituted, a font no longer
   * reports `missingFile`, so the font probe turns this off.
   */
  standardFonts: boolean;
}

export const VIEW: OpenOptions = { standardFonts: true };
export const FONT_PROBE: OpenOptions = { standardFonts: false };

/** Opens `bytes` with pdf.js, runs `use`, and always destroys the document afterwards. */
export async function withDocument<T>(
  bytes: Uint8Array,
  { standardFonts }: OpenOptions,
  use: (doc: PDFDocumentProxy) => Promise<T>,
): Promise<T> {
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given, so hand it a copy; this also turns
    // a Node Buffer into the plain Uint8Array pdf.js insists on.
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_PATH,
    cMapPacked: true,
    standardFontDataUrl: standardFonts ? STANDARD_FONT_DATA_PATH : undefined,
    CanvasFactory: NapiCanvasFactory,
    isEvalSupported: false,
    // The probe *expects* "Ensure that the `standardFontDataUrl` API parameter is provided"
    // for every non-embedded font, so it runs quietly. Verbosity is a module-global in pdf.js
    // (main thread and fake worker alike), so every open sets it explicitly.
    verbosity: standardFonts ? pdfjs.VerbosityLevel.WARNINGS : pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await use(await task.promise);
  } finally {
    await task.destroy();
  }
}

export async function getPageAt(doc: PDFDocumentProxy, pageIndex: number): Promise<PDFPageProxy> {
  if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= doc.numPages) {
    throw new RangeError(`Page index ${pageIndex} is out of range (document has ${doc.numPages} pages)`);
  }
  return doc.getPage(pageIndex + 1);
}

export async function mapPages<T>(doc: PDFDocumentProxy, fn: (page: PDFPageProxy) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < doc.numPages; index++) {
    results.push(await fn(await getPageAt(doc, index)));
  }
  return results;
}
