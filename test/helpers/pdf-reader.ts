/**
 * An independent PDF reader for the test suite, built only on npm packages:
 * pdf.js (legacy build, which is the one meant for Node) for parsing and rendering,
 * @napi-rs/canvas for pixels and jsQR for reading QR codes from those pixels.
 *
 * Nothing here shares code with src/: the point is to check placard's output the way
 * a viewer would see it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type * as NapiCanvas from '@napi-rs/canvas';
import jsQRModule from 'jsqr';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPageFacts {
  /** In PDF points, from the viewport at scale 1 (so /Rotate is applied). */
  width: number;
  height: number;
  /** The page's lines joined with '\n'. */
  text: string;
  /** One entry per visual line, trimmed; never empty strings. */
  lines: string[];
}

export interface PdfFont {
  /** The font's PDF name as written, subset prefix included (e.g. 'ABCDEF+NotoSans-Regular'). */
  name: string;
  embedded: boolean;
}

export interface PdfFacts {
  pageCount: number;
  pages: PdfPageFacts[];
  /** All pages' text joined with '\n'. */
  text: string;
  /** Every font used on any page, once per (name, embedded) pair, in order of first use. */
  fonts: PdfFont[];
  /** Info dictionary /Title, else XMP dc:title. */
  title?: string;
  /** Catalog /Lang. */
  lang?: string;
  /** Titles of the top-level bookmarks, in order. */
  outline: string[];
}

export interface RenderedPage {
  width: number;
  height: number;
  /** RGBA, row-major, `width * height * 4` bytes. */
  data: Uint8ClampedArray;
}

// ---------------------------------------------------------------------------
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
class NapiCanvasFactory {
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

const VIEW: OpenOptions = { standardFonts: true };
const FONT_PROBE: OpenOptions = { standardFonts: false };

/** Opens `bytes` with pdf.js, runs `use`, and always destroys the document afterwards. */
async function withDocument<T>(bytes: Uint8Array, { standardFonts }: OpenOptions, use: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
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

async function getPageAt(doc: PDFDocumentProxy, pageIndex: number): Promise<PDFPageProxy> {
  if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= doc.numPages) {
    throw new RangeError(`Page index ${pageIndex} is out of range (document has ${doc.numPages} pages)`);
  }
  return doc.getPage(pageIndex + 1);
}

async function mapPages<T>(doc: PDFDocumentProxy, fn: (page: PDFPageProxy) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < doc.numPages; index++) {
    results.push(await fn(await getPageAt(doc, index)));
  }
  return results;
}

// ---------------------------------------------------------------------------
// readPdf

export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  // Two opens: a quiet probe without standard font data for the fonts, then a normal open
  // for everything else. One after the other, so the probe's log level cannot hide the
  // second open's warnings (calls made concurrently by a caller can still; only logs suffer).
  const fonts = await withDocument(bytes, FONT_PROBE, listFonts);
  return withDocument(bytes, VIEW, async (doc) => {
    const pages = await mapPages(doc, readPage);
    const { title, lang } = await readInfo(doc);
    const outline = ((await doc.getOutline()) ?? []).map((item) => item.title);
    return {
      outline,
      pageCount: doc.numPages,
      pages,
      text: pages.map((page) => page.text).join('\n'),
      fonts,
      title,
      lang,
    };
  });
}

async function readPage(page: PDFPageProxy): Promise<PdfPageFacts> {
  const { width, height } = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs = content.items.filter(isTextItem).map(toRun);
  const lines = groupIntoLines(runs)
    .map(joinLine)
    .filter((line) => line !== '');
  return { width, height, text: lines.join('\n'), lines };
}

async function readInfo(doc: PDFDocumentProxy): Promise<{ title?: string; lang?: string }> {
  const { info, metadata } = await doc.getMetadata();
  // pdf.js types `info` as a bare Object. It carries the Info dictionary's entries plus
  // pdf.js's own, including `Language`, which is the catalog's /Lang (so no need to parse
  // the catalog ourselves).
  const fields = info as Record<string, unknown>;
  return {
    title: nonEmptyString(fields['Title']) ?? nonEmptyString(metadata?.get('dc:title')),
    lang: nonEmptyString(fields['Language']),
  };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

// ---------------------------------------------------------------------------
// Text: pdf.js items -> lines

type TextContentItem = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number];
type TextItem = Extract<TextContentItem, { str: string }>;

/** One pdf.js text item, reduced to what line layout needs (page space, points). */
interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  rtl: boolean;
  /** pdf.js says a line ends after this item. */
  eol: boolean;
}

/** Runs whose gap exceeds this many font sizes get a space between them. */
const SPACE_GAP_EM = 0.2;
/** Runs whose baselines differ by more than this many font sizes are on different lines. */
const BASELINE_TOLERANCE_EM = 0.5;
/** Runs overlapping horizontally by more than this (kerning aside) are on different lines. */
const OVERLAP_TOLERANCE_EM = 0.3;

function isTextItem(item: TextContentItem): item is TextItem {
  return 'str' in item;
}

function toRun(item: TextItem): Run {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
  return {
    str: item.str,
    x,
    y,
    width: item.width,
    size: Math.hypot(c, d) || Math.hypot(a, b) || item.height,
    rtl: item.dir === 'rtl',
    eol: item.hasEOL,
  };
}

/**
 * Splits runs (in content order) into lines: after every run pdf.js flags with hasEOL, and
 * whenever the next run is not beside the last one (see onSameLine). Empty runs only carry
 * an EOL flag (pdf.js places them at the *next* line's origin), so never join a line.
 */
function groupIntoLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [];
  let current: Run[] = [];
  let endPending = false;
  for (const run of runs) {
    if (run.str !== '') {
      const last = current.at(-1);
      if (last && (endPending || !onSameLine(last, run))) {
        lines.push(current);
        current = [];
      }
      current.push(run);
      endPending = false;
    }
    endPending ||= run.eol;
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/**
 * Same baseline (within tolerance, so superscripts stay put) and side by side. Runs on one
 * line do not overlap horizontally; PDFKit can put a line whose font has small metrics only
 * ~0.4em below the previous one, which only the overlap reveals.
 */
function onSameLine(a: Run, b: Run): boolean {
  const em = Math.max(a.size, b.size, 1);
  const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  return Math.abs(a.y - b.y) <= BASELINE_TOLERANCE_EM * em && overlap <= OVERLAP_TOLERANCE_EM * em;
}

/**
 * Orders a line's runs visually (left to right, or right to left when most of the line's
 * text is RTL, since pdf.js already gives each RTL run in logical order) and concatenates
 * them, adding one space where runs are visibly apart and neither side has whitespace.
 */
function joinLine(runs: Run[]): string {
  let text = '';
  let previous: Run | undefined;
  for (const run of visualOrder(runs)) {
    if (previous && needsSpace(previous, run, text)) text += ' ';
    text += run.str;
    previous = run;
  }
  return text.trim();
}

function visualOrder(runs: Run[]): Run[] {
  const rtlChars = runs.reduce((sum, run) => sum + (run.rtl ? run.str.length : 0), 0);
  const totalChars = runs.reduce((sum, run) => sum + run.str.length, 0);
  const direction = rtlChars * 2 > totalChars ? -1 : 1;
  return [...runs].sort((p, q) => direction * (p.x - q.x));
}

function needsSpace(previous: Run, run: Run, textSoFar: string): boolean {
  if (/\s$/u.test(textSoFar) || /^\s/u.test(run.str)) return false;
  // Distance between the two runs' boxes, whichever side `run` is on.
  const gap = Math.max(run.x - (previous.x + previous.width), previous.x - (run.x + run.width));
  return gap > SPACE_GAP_EM * Math.min(previous.size, run.size);
}

// ---------------------------------------------------------------------------
// Fonts

/** The fields we read from pdf.js's FontFaceObject (in page.commonObjs, untyped there). */
interface PdfJsFontObject {
  name?: string;
  loadedName?: string;
  missingFile?: boolean;
  isType3Font?: boolean;
}

/**
 * Every font any page selects (OPS.setFont, including inside form XObjects and annotation
 * appearances), looked up in commonObjs once getOperatorList() has loaded it. Must run on a
 * document opened without standard font data: otherwise pdf.js swaps its own font file in for
 * e.g. Helvetica and reports `missingFile: false`, i.e. "embedded".
 */
async function listFonts(doc: PDFDocumentProxy): Promise<PdfFont[]> {
  const fonts = new Map<string, PdfFont>();
  await mapPages(doc, async (page) => {
    for (const font of await pageFonts(page)) {
      fonts.set(`${font.name}\u0000${font.embedded}`, font);
    }
  });
  return [...fonts.values()];
}

async function pageFonts(page: PDFPageProxy): Promise<PdfFont[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const fonts: PdfFont[] = [];
  fnArray.forEach((op, i) => {
    if (op !== pdfjs.OPS.setFont) return;
    // argsArray is any[] at the pdf.js boundary; setFont's args are [loadedName, size].
    const id: unknown = (argsArray[i] as unknown[] | undefined)?.[0];
    if (typeof id === 'string' && page.commonObjs.has(id)) {
      fonts.push(describeFont(page.commonObjs.get(id) as PdfJsFontObject, id));
    }
  });
  return fonts;
}

function describeFont(font: PdfJsFontObject, id: string): PdfFont {
  return {
    name: font.name ?? font.loadedName ?? id,
    // Type 3 glyphs are content streams inside the PDF, so they count as embedded.
    embedded: font.isType3Font === true || font.missingFile !== true,
  };
}

// ---------------------------------------------------------------------------
// Rendering and QR codes

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
