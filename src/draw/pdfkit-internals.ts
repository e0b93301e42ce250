import type { LoadedFont } from '../fonts/loaded-font.js';
import { encodeSubset } from './truetype-subset.js';

/**
 * Every use of PDFKit's and fontkit's private parts, in one place. placard
 * draws glyphs it shaped itself, so it fills in PDFKit's embedded font
 * (which glyphs go in, each CID's width and text) and writes the TrueType
 * subset itself (truetype-subset.ts, from HarfBuzz's public table API).
 * These parts are not PDFKit's documented API: package.json pins the
 * version, test/draw/pdfkit-internals.test.ts checks them against the real
 * objects, and a missing part throws here, naming it, rather than letting
 * placard fall back to something slower or wrong.
 */

/** fontkit's subset (TTFSubset or CFFSubset): which glyphs the embedded font file holds, in CID order. */
export interface FontkitSubset {
  glyphs: number[];
  /** Source glyph id → CID, for glyphs included through includeGlyph. */
  mapping: Record<number, number>;
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** PDFKit's EmbeddedFont: the font dictionaries, widths and ToUnicode map are written from these fields. */
export interface PdfKitEmbeddedFont {
  readonly id: string;
  readonly subset: FontkitSubset;
  readonly widths: number[];
  readonly unicode: number[][];
  ref(): unknown;
}

interface DocumentInternals {
  registerFont(name: string, src: unknown): unknown;
  font(name: string): unknown;
  readonly _font: PdfKitEmbeddedFont | null | undefined;
  readonly page: { fonts: Record<string, unknown>; dictionary: { data: Record<string, unknown> } } | undefined;
}

/** A private part of PDFKit or fontkit that this version lacks: a bug to report, not a problem with the input. */
export class MissingInternalError extends Error {
  override readonly name = 'MissingInternalError';

  constructor(what: string) {
    super(`placard draws through ${what}, which this pdfkit does not have: install the pdfkit version package.json pins`);
  }
}

function need<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new MissingInternalError(what);
  return value;
}

/**
 * Embeds `font` in `doc` (once per document: PDFKit keeps it by face id)
 * and returns PDFKit's embedded font object. A TrueType font's subset file
 * is written by truetype-subset.ts instead of fontkit's subsetter, which
 * decodes and re-encodes every outline; a CFF font (a user's) keeps
 * fontkit's. `raised` (CID → rise in font units) names the CIDs written as
 * raised copies of their glyph (truetype-subset.ts); the caller fills it in.
 */
export function embedFont(
  doc: PDFKit.PDFDocument,
  font: LoadedFont,
  raised: ReadonlyMap<number, number> = new Map(),
): { readonly pdf: PdfKitEmbeddedFont; readonly fastSubset: boolean } {
  const internals = doc as unknown as DocumentInternals;
  internals.registerFont(font.face.id, font.fontkit);
  internals.font(font.face.id);
  const embedded = need(internals._font, 'doc._font (the selected font)');
  const subset = need(embedded.subset, 'the embedded font’s subset');
  for (const method of ['includeGlyph', 'encode'] as const) {
    if (typeof subset[method] !== 'function') throw new MissingInternalError(`the subset’s ${method}()`);
  }
  if (!Array.isArray(subset.glyphs)) throw new MissingInternalError('the subset’s glyphs list');
  need(subset.mapping, 'the subset’s glyph mapping');
  if (!Array.isArray(embedded.widths) || !Array.isArray(embedded.unicode) || typeof embedded.ref !== 'function') {
    throw new MissingInternalError('the embedded font’s widths, unicode and ref()');
  }
  const fastSubset = font.hbFont.face.referenceTable('glyf') !== undefined;
  if (fastSubset) subset.encode = () => encodeSubset(subset, font, raised);
  return { pdf: embedded, fastSubset };
}

/** Adds an embedded font to the current page's resources, under its id. */
export function useOnPage(doc: PDFKit.PDFDocument, embedded: PdfKitEmbeddedFont): void {
  const page = need((doc as unknown as DocumentInternals).page, 'doc.page (the current page)');
  need(page.fonts, 'the page’s font resources')[embedded.id] ??= embedded.ref();
}

/** The current page's dictionary, for entries PDFKit has no option for (TrimBox, BleedBox). */
export function pageDictionary(doc: PDFKit.PDFDocument): Record<string, unknown> {
  const page = need((doc as unknown as DocumentInternals).page, 'doc.page (the current page)');
  return need(page.dictionary?.data, 'the page dictionary’s data');
}
