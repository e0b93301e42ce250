import PDFDocument from 'pdfkit';
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

/** PDFKit's document output, one `_write` per object line or stream, and its page content stream. */
interface OutputInternals {
  _offset: number;
  readonly page: { readonly content: ContentReference } | undefined;
}

/** PDFKit's PDFReference for a page's content stream: each `write` turns its string into bytes on its own. */
interface ContentReference {
  write(chunk: string | Uint8Array): unknown;
  finalize(): unknown;
}

type DocumentClass = new (options?: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;

/**
 * A PDFDocument that keeps its output in memory, as PDFKit's `_write`
 * would have pushed it to the stream (each string as Latin-1 bytes plus a
 * line feed, the same truncation as PDFKit's own conversion), converted
 * once at the end. The bytes are the same; the per-line conversions and the
 * stream machinery are gone.
 */
class InMemoryDocument extends (PDFDocument as unknown as DocumentClass) {
  declare private placardText: string | undefined;
  declare private placardChunks: Uint8Array[] | undefined;
  declare private placardDone: boolean | undefined;

  _write(data: string | Uint8Array): void {
    const self = this as unknown as OutputInternals;
    if (typeof data === 'string') {
      this.placardText = (this.placardText ?? '') + data + '\n';
      self._offset += data.length + 1;
    } else {
      this.flushText();
      this.placardChunks!.push(data);
      self._offset += data.length;
    }
  }

  override push(chunk: unknown): boolean {
    if (chunk !== null) throw new MissingInternalError('PDFDocument._write (the only writer of output)');
    this.placardDone = true;
    return false;
  }

  /** The whole file, once PDFKit has written its trailer. */
  output(): Uint8Array {
    if (this.placardDone !== true) throw new MissingInternalError('a synchronous PDFDocument.end()');
    this.flushText();
    // A plain Uint8Array over a buffer of its own (never Node's shared pool): callers may transfer it to another thread.
    const chunks = this.placardChunks!;
    const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  private flushText(): void {
    this.placardChunks ??= [];
    if (this.placardText) this.placardChunks.push(Buffer.from(this.placardText, 'latin1'));
    this.placardText = '';
  }
}

/**
 * The current page's content stream collected as one string and given to
 * PDFKit once, just before it compresses it, instead of PDFKit converting
 * each operator to bytes on its own (the same bytes).
 */
export function collectPageContent(doc: PDFKit.PDFDocument): void {
  const content = need((doc as unknown as OutputInternals).page?.content, 'the page’s content reference');
  const write = content.write;
  const finalize = content.finalize;
  if (typeof write !== 'function' || typeof finalize !== 'function')
    throw new MissingInternalError('the content reference’s write() and finalize()');
  let text = '';
  content.write = (chunk) => {
    text += (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1')) + '\n';
  };
  content.finalize = () => {
    if (text !== '') write.call(content, Buffer.from(text, 'latin1'));
    text = '';
    return finalize.call(content);
  };
}

/** A document whose bytes are read at the end with `output()` (drawPdf), rather than streamed as PDFKit does by default (a combined file). */
export function inMemoryDocument(options: PDFKit.PDFDocumentOptions): { readonly doc: PDFKit.PDFDocument; output(): Uint8Array } {
  const doc = new InMemoryDocument(options);
  return { doc, output: () => doc.output() };
}
