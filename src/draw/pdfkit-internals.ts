import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { LoadedFont } from '../fonts/loaded-font.js';
import type { FontDescription, FontStreams } from './font-stream-cache.js';
import { pdfObject, PdfText } from './pdf-object.js';
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
  facts: FontFacts = (make) => make(),
): { readonly pdf: PdfKitEmbeddedFont; readonly fastSubset: boolean } {
  const internals = doc as unknown as DocumentInternals;
  const described = facts(() => describe(font));
  internals.registerFont(font.face.id, described.face);
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
  const fastSubset = described.truetype;
  if (fastSubset) {
    (subset as SubsetWritten)[SUBSET_SOURCE] = { font, raised };
    subset.encode = encodeWritten;
  }
  return { pdf: embedded, fastSubset };
}

/*
 * The functions placard puts in place of PDFKit's and fontkit's methods are shared by every document, and what
 * one document's call needs is kept on the object under a symbol: a closure over one document, called by
 * PDFKit, kept that document alive through V8's minor GCs until it was promoted to the old generation
 * (~55 KB of garbage a notice for the major GC to collect, measured 2026-12-03).
 */

const SUBSET_SOURCE = Symbol('placard subset source');

type SubsetWritten = FontkitSubset & { [SUBSET_SOURCE]: { readonly font: LoadedFont; readonly raised: ReadonlyMap<number, number> } };

/** The subset's encode(), written by truetype-subset.ts. */
function encodeWritten(this: SubsetWritten): Uint8Array {
  const { font, raised } = this[SUBSET_SOURCE];
  return encodeSubset(this, font, raised);
}

/** The parts of PDFKit's EmbeddedFont that its embed() reads, which embedWithStreams writes the same way. */
interface EmbeddedFontInternals extends PdfKitEmbeddedFont {
  readonly font: FontkitFont;
  readonly scale: number;
  readonly ascender: number;
  readonly descender: number;
  dictionary: StreamReference;
  embed(): unknown;
}

/** The fontkit font fields PDFKit's embed() reads. */
interface FontkitFont {
  readonly 'OS/2'?: { readonly sFamilyClass?: number };
  readonly post: { readonly isFixedPitch?: unknown };
  readonly head: { readonly macStyle: { readonly italic?: unknown } };
  readonly postscriptName?: string;
  readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  readonly italicAngle: number;
  readonly capHeight?: number;
  readonly ascent: number;
  readonly xHeight?: number;
}

/** PDFKit's PDFReference, as embedWithStreams writes one. */
interface StreamReference {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: Uint8Array): unknown;
  end(chunk?: string | Uint8Array): unknown;
}

/**
 * Makes PDFKit embed `embedded` with its font program and ToUnicode map
 * compressed once, from `streams` (which calls `make` to compress them,
 * or returns the same streams kept from an earlier document): the same
 * objects, in the same order and with the same bytes as PDFKit's own
 * embed() (EmbeddedFont in pdfkit.js), which compresses both every time.
 */
export function embedWithStreams(
  doc: PDFKit.PDFDocument,
  embedded: PdfKitEmbeddedFont,
  loaded: LoadedFont,
  streams: (make: () => FontStreams) => FontStreams,
  facts: FontFacts = (make) => make(),
): void {
  const font = embedded as EmbeddedFontInternals;
  const internals = doc as unknown as { ref(data?: object): StreamReference; subset?: unknown };
  if (typeof font.embed !== 'function' || typeof internals.ref !== 'function' || font.font === undefined)
    throw new MissingInternalError('the embedded font’s embed() and fontkit font');
  if (internals.subset) throw new MissingInternalError('embedding without a PDF/A CIDSet');
  (font as EmbeddingFont)[EMBEDDING] = { internals, loaded, streams, facts };
  font.embed = embedKept;
}

const EMBEDDING = Symbol('placard embedding');

type EmbeddingFont = EmbeddedFontInternals & {
  [EMBEDDING]: {
    readonly internals: { ref(data?: object): StreamReference };
    readonly loaded: LoadedFont;
    readonly streams: (make: () => FontStreams) => FontStreams;
    readonly facts: FontFacts;
  };
};

/**
 * Bytes the session keeps (font-stream-cache.ts), in a buffer of their own: deflateSync's output is a view of the
 * 16 KB chunk zlib wrote it into, so each kept stream of 1-5 KB held 16 KB (a 10,000-row batch in five script
 * pairs, --jobs 2, 512 sets kept: peak 355 MB with views, 318 MB with copies).
 */
function keptCopy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/** The embedded font's embed(), as embedWithStreams sets it. */
function embedKept(this: EmbeddingFont): unknown {
  const { internals, loaded, streams, facts } = this[EMBEDDING];
  const isCFF = (this.subset as { cff?: unknown }).cff != null;
  const {
    fontFile: fontBytes,
    toUnicode,
    widths,
  } = streams(() => ({
    fontFile: keptCopy(deflateSync(this.subset.encode())),
    toUnicode: keptCopy(deflateSync(Buffer.from(`${toUnicodeCmap(this.unicode)}\n`, 'latin1'))),
    widths: pdfObject([0, this.widths]),
  }));
  const fontFile = compressedStream(internals.ref(), fontBytes, isCFF ? { Subtype: 'CIDFontType0C' } : {});
  const fixed = facts(() => describe(loaded));
  const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((this.id.charCodeAt(i) || 73) + 17)).join('');
  const name = `${tag}+${fixed.baseName}`;
  const descriptor = internals.ref({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: fixed.flags,
    FontBBox: [...fixed.bbox],
    ItalicAngle: fixed.italicAngle,
    Ascent: this.ascender,
    Descent: this.descender,
    CapHeight: fixed.capHeight,
    XHeight: fixed.xHeight,
    StemV: 0,
  });
  descriptor.data[isCFF ? 'FontFile3' : 'FontFile2'] = fontFile;
  descriptor.end();
  const descendant = internals.ref({
    Type: 'Font',
    Subtype: isCFF ? 'CIDFontType0' : 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: new PdfText(widths),
    ...(isCFF ? {} : { CIDToGIDMap: 'Identity' }),
  });
  descendant.end();
  this.dictionary.data = {
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: name,
    Encoding: 'Identity-H',
    DescendantFonts: [descendant],
    ToUnicode: compressedStream(internals.ref(), toUnicode),
  };
  return this.dictionary.end();
}

/** Hands over a font's description: made now, or once per session (FontStreamCache). */
export type FontFacts = (make: () => FontDescription) => FontDescription;

/** What FontDescription holds, read from the font now. */
export function describe(loaded: LoadedFont): FontDescription {
  const fk = loaded.fontkit as unknown as FontkitFont & {
    readonly unitsPerEm: number;
    readonly descent: number;
    readonly lineGap: number;
    getGlyph(id: number, codePoints?: number[]): { readonly advanceWidth: number };
  };
  const familyClass = (fk['OS/2']?.sFamilyClass || 0) >> 8;
  let flags = 0;
  if (fk.post.isFixedPitch) flags |= 1 << 0;
  if (1 <= familyClass && familyClass <= 7) flags |= 1 << 1;
  flags |= 1 << 2;
  if (familyClass === 10) flags |= 1 << 3;
  if (fk.head.macStyle.italic) flags |= 1 << 6;
  const { bbox } = fk;
  // As EmbeddedFont works out its scale.
  const scale = 1000 / fk.unitsPerEm;
  // The fontkit font (a Proxy: fonts/post-table.ts) with what EmbeddedFont's constructor reads
  // held as its own: each read through the Proxy took longer than the rest of the constructor.
  const glyph0 = fk.getGlyph(0);
  const own = {
    postscriptName: fk.postscriptName,
    unitsPerEm: fk.unitsPerEm,
    ascent: fk.ascent,
    descent: fk.descent,
    xHeight: fk.xHeight,
    capHeight: fk.capHeight,
    lineGap: fk.lineGap,
    bbox: fk.bbox,
    getGlyph: (id: number, codePoints?: number[]) => (id === 0 && codePoints === undefined ? glyph0 : fk.getGlyph(id, codePoints)),
  };
  return {
    // Defined, not assigned: the fields are getters of fontkit's prototype.
    face: Object.create(
      fk,
      Object.fromEntries(Object.entries(own).map(([key, value]) => [key, { value, writable: true, enumerable: true }])),
    ) as object,
    truetype: loaded.hbFont.face.referenceTable('glyf') !== undefined,
    baseName: `${fk.postscriptName?.replaceAll(' ', '_')}`,
    flags,
    bbox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale],
    italicAngle: fk.italicAngle,
    capHeight: (fk.capHeight || fk.ascent) * scale,
    xHeight: (fk.xHeight || 0) * scale,
  };
}

/** Writes a stream already compressed with FlateDecode: its dictionary as PDFKit writes one it compressed itself. */
function compressedStream(ref: StreamReference, bytes: Uint8Array, data: Record<string, unknown> = {}): StreamReference {
  Object.assign(ref.data, data);
  ref.compress = false;
  ref.write(bytes);
  ref.data.Filter = 'FlateDecode';
  ref.end();
  return ref;
}

const toHex = (value: number): string => value.toString(16).padStart(4, '0');

/** The ToUnicode CMap PDFKit writes for a font's CIDs (EmbeddedFont.toUnicodeCmap in pdfkit.js), character for character. */
function toUnicodeCmap(unicode: readonly (readonly number[] | undefined)[]): string {
  const entries: string[] = [];
  for (let cid = 0; cid < unicode.length; cid++) {
    const encoded: string[] = [];
    for (let value of unicode[cid] ?? []) {
      if (value > 0xffff) {
        value -= 0x10000;
        encoded.push(toHex(((value >>> 10) & 0x3ff) | 0xd800));
        value = 0xdc00 | (value & 0x3ff);
      }
      encoded.push(toHex(value));
    }
    entries.push(`<${encoded.join(' ')}>`);
  }
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 256) {
    const end = Math.min(start + 256, entries.length);
    ranges.push(`<${toHex(start)}> <${toHex(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join('\n')}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}

/** Adds an embedded font to the current page's resources, under its id. */
export function useOnPage(doc: PDFKit.PDFDocument, embedded: PdfKitEmbeddedFont): void {
  const page = need((doc as unknown as DocumentInternals).page, 'doc.page (the current page)');
  need(page.fonts, 'the page’s font resources')[embedded.id] ??= embedded.ref();
}

/** PDFKit's marked-content bookkeeping (its markings mixin), as StructureMarks uses it. */
interface MarkingInternals {
  readonly page: { markings: unknown[]; readonly structParentTreeKey: number; readonly dictionary: unknown } | undefined;
  getStructParentTree(): { get(key: number): unknown[] | undefined };
  markStructureContent(tag: string, options?: { actual?: string }): object;
  addContent(operators: string): unknown;
}

/** A structure element's marked content on a page (PDFKit's PDFStructureContent), to add to the element. */
export type StructContent = object;

/**
 * What PDFKit's markStructureContent(tag, { actual }) records (the MCID in
 * the page's parent tree, the structure content) and the BDC operator it
 * writes, returned instead of written, so that a glyph run's operators go
 * into the content in one piece; the caller writes the EMC. PDFKit converts
 * the marked-content dictionary generically (a tenth of drawing a notice's
 * text); pdf-object.ts writes the same characters. Only for a page with no
 * marked content open (placard closes each before the next), where PDFKit
 * would have nothing to close first and nothing to reopen on a new page.
 */
export class StructureMarks {
  /** PDFKit's PDFStructureContent class, from the first content made on this document by PDFKit itself. */
  private make: ((page: unknown, mcid: number) => StructContent) | undefined;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** `literal`, when given, is `actual` as pdf-object.ts writes a string (`actualTextLiteral`), made before. */
  open(tag: string, actual?: string, literal?: string): { readonly operator: string; readonly content: StructContent } {
    const internals = this.doc as unknown as MarkingInternals;
    const page = need(internals.page, 'doc.page (the current page)');
    if (!Array.isArray(page.markings)) throw new MissingInternalError('the page’s markings');
    if (page.markings.length > 0) throw new Error('StructureMarks: marked content is open on the page');
    const options = actual === undefined ? {} : { actual };
    if (this.make === undefined) {
      let operator: string | undefined;
      const own = Object.prototype.hasOwnProperty.call(internals, 'addContent');
      if (own) throw new MissingInternalError('addContent on the document’s prototype');
      internals.addContent = (operators: string) => (operator = operators);
      let content: { refs?: unknown; constructor: unknown };
      try {
        content = internals.markStructureContent(tag, options) as typeof content;
      } finally {
        delete (internals as { addContent?: unknown }).addContent;
      }
      page.markings.pop();
      if (operator === undefined || !Array.isArray(content.refs) || typeof content.constructor !== 'function')
        throw new MissingInternalError('markStructureContent() writing its BDC through addContent()');
      const Content = content.constructor as new (page: unknown, mcid: number) => StructContent;
      this.make = (pageRef, mcid) => new Content(pageRef, mcid);
      return { operator, content };
    }
    const parents = need(internals.getStructParentTree().get(page.structParentTreeKey), 'the page’s entry in the parent tree');
    const mcid = parents.length;
    parents.push(null);
    // pdfObject's dictionary, written out: { MCID: mcid, ActualText: new String(actual) }, the latter only for a Span's non-empty text.
    const operator =
      tag === 'Span' && actual
        ? `/${tag} <<\n/MCID ${mcid}\n/ActualText ${literal ?? actualTextLiteral(actual)}\n>> BDC`
        : `/${tag} <<\n/MCID ${mcid}\n>> BDC`;
    return { operator, content: this.make(page.dictionary, mcid) };
  }
}

/** An ActualText as PDFKit writes the string in a marked-content dictionary. */
export const actualTextLiteral = (actual: string): string => pdfObject(new String(actual));

/** The operator PDFKit's markContent('Artifact', { type: 'Layout' }) writes. */
export const LAYOUT_ARTIFACT = `/Artifact ${pdfObject({ Type: 'Layout' })} BDC`;

/** The current page's dictionary, for entries PDFKit has no option for (TrimBox, BleedBox). */
export function pageDictionary(doc: PDFKit.PDFDocument): Record<string, unknown> {
  const page = need((doc as unknown as DocumentInternals).page, 'doc.page (the current page)');
  return need(page.dictionary?.data, 'the page dictionary’s data');
}

/** PDFKit's document output, one `_write` per object line or stream, and its page content stream. */
interface OutputInternals {
  _offset: number;
  readonly page: { readonly content: ContentReference } | undefined;
  /** Set when the document is encrypted (never, in placard): its objects are then written by PDFKit itself. */
  readonly _security?: unknown;
  _refEnd(ref: ObjectReference): void;
  readonly _offsets: readonly number[];
  readonly _root: unknown;
  readonly _info: unknown;
  readonly _id: unknown;
}

/** PDFKit's PDFReference: an indirect object, with its stream's chunks when it has one. */
interface ObjectReference {
  readonly document: unknown;
  readonly id: number;
  readonly gen: number;
  data: Record<string, unknown>;
  compress: boolean;
  buffer: Uint8Array[] | Uint8Array;
  offset: number;
  finalize(): unknown;
}

/** PDFKit's PDFReference for a page's content stream: each `write` turns its string into bytes on its own. */
interface ContentReference {
  write(chunk: string | Uint8Array): unknown;
  finalize(): unknown;
  /** Whether finalize() compresses the stream (the document's compress option). */
  compress: boolean;
  readonly data: Record<string, unknown>;
  /** The bytes written so far, one chunk per write. */
  buffer: Uint8Array[];
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

  /**
   * PDFKit's constructor with the document's info added after it, as the constructor adds it, and the file ID
   * (the trailer's ID) hashed by Node's MD5 from the same text (PDFSecurity.generateFileID in pdfkit.js): the
   * constructor then hashes only its three defaults with its own MD5, written in JavaScript, that took longer.
   */
  constructor(options: PDFKit.PDFDocumentOptions) {
    const { info, ...rest } = options;
    super(rest);
    const self = this as unknown as { info: Record<string, { valueOf(): unknown }>; _id: unknown };
    if (!(self.info?.CreationDate instanceof Date)) throw new MissingInternalError('the document’s info and its CreationDate');
    if (info) for (const key in info) self.info[key] = (info as Record<string, { valueOf(): unknown }>)[key]!;
    self._id = fileId(self.info);
  }

  /** PDFKit's ref(), with each object written by writeObject (PDFKit calls this from its own constructor too). */
  override ref(data: object): PDFKit.PDFKitReference {
    const ref = super.ref(data) as unknown as ObjectReference;
    if (typeof ref.finalize !== 'function' || !Array.isArray(ref.buffer) || ref.document !== this)
      throw new MissingInternalError('PDFReference.finalize(), buffer and document');
    // A function shared by every reference, not a closure over this one (see collectPageContent).
    ref.finalize = finalizeReference;
    return ref as unknown as PDFKit.PDFKitReference;
  }

  /**
   * PDFReference.finalize for an unencrypted document (pdfkit.js), the same
   * bytes: the object's dictionary written by pdf-object.ts instead of
   * PDFKit's generic conversion, and its lines in one `_write`.
   */
  writeObject(ref: ObjectReference): void {
    const self = this as unknown as OutputInternals;
    ref.offset = self._offset;
    let stream: Uint8Array | undefined;
    if (ref.buffer.length > 0) {
      stream = !Array.isArray(ref.buffer) ? ref.buffer : ref.buffer.length === 1 ? ref.buffer[0]! : concatBytes(ref.buffer);
      if (ref.compress) stream = deflateSync(stream);
      ref.data.Length = stream.length;
    }
    const head = `${ref.id} ${ref.gen} obj\n${pdfObject(ref.data)}`;
    if (stream !== undefined && stream.length > 0) {
      this._write(`${head}\nstream`);
      this._write(stream);
      this._write('\nendstream\nendobj');
    } else this._write(`${head}\nendobj`);
    ref.buffer = [];
    self._refEnd(ref);
  }

  /**
   * PDFDocument._finalize for an unencrypted document (pdfkit.js), the same
   * bytes: the cross-reference table and trailer in one `_write` instead of
   * one per line.
   */
  _finalize(): void {
    const self = this as unknown as OutputInternals & { push(chunk: null): boolean };
    if (self._security || !Array.isArray(self._offsets)) {
      (PDFDocument.prototype as unknown as { _finalize(): void })._finalize.call(this);
      return;
    }
    const xRefOffset = self._offset;
    let text = `xref\n0 ${self._offsets.length + 1}\n0000000000 65535 f `;
    for (const offset of self._offsets) text += `\n${`0000000000${offset}`.slice(-10)} 00000 n `;
    const trailer = { Size: self._offsets.length + 1, Root: self._root, Info: self._info, ID: [self._id, self._id] };
    this._write(`${text}\ntrailer\n${pdfObject(trailer)}\nstartxref\n${xRefOffset}\n%%EOF`);
    self.push(null);
  }

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
    return concatBytes(this.placardChunks!);
  }

  private flushText(): void {
    this.placardChunks ??= [];
    if (this.placardText) this.placardChunks.push(Buffer.from(this.placardText, 'latin1'));
    this.placardText = '';
  }
}

/** A reference's finalize, as InMemoryDocument.ref sets it: writeObject, or PDFKit's own for an encrypted document. */
function finalizeReference(this: ObjectReference): unknown {
  const doc = this.document as InMemoryDocument;
  if ((doc as unknown as OutputInternals)._security) return (Object.getPrototypeOf(this) as { finalize(): unknown }).finalize.call(this);
  doc.writeObject(this);
  return undefined;
}

/** PDFSecurity.generateFileID (pdfkit.js): the MD5 of the creation time and each info entry, in the info's order. */
function fileId(info: Record<string, { valueOf(): unknown }>): Uint8Array {
  let text = `${(info.CreationDate as Date).getTime()}\n`;
  for (const key in info) {
    if (!Object.prototype.hasOwnProperty.call(info, key)) continue;
    text += `${key}: ${String(info[key]!.valueOf())}\n`;
  }
  return new Uint8Array(createHash('md5').update(text, 'utf8').digest());
}

/** The chunks in one new Uint8Array. */
function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Four characters of a page's content that a document gives later (a CID,
 * in a document whose CIDs are given once every glyph is drawn): written as
 * a placeholder, filled in by the rewrite.
 */
export interface Slot {
  /** The CID, once given; its four lowercase hex digits go in the slot. */
  readonly cid: number;
}

/** What a document's page content waits for before PDFKit writes it (pdf-fonts.ts: CIDs given once every glyph is drawn). */
export interface ContentRewrite {
  /** Runs `write` now, or once the content can be rewritten. */
  whenReady(write: () => void): void;
}

/** The current page's content as it is written: PDFKit's operators, and placard's, some with slots. */
export interface PageContent {
  /** Adds operators as they are (PDFKit's own writes add a line feed after each). */
  append(text: string): void;
  /** Adds operators holding a slot at each of `offsets` (from the start of `text`), for `holders[i].encoded`; without offsets, as append. */
  appendSlots(text: string, offsets: readonly number[] | undefined, holders: readonly { readonly encoded: Slot | undefined }[]): void;
}

/**
 * The current page's content stream collected as one string and given to
 * PDFKit once, just before it compresses it, instead of PDFKit converting
 * each operator to bytes on its own (the same bytes). With `rewrite`, PDFKit
 * writes the stream only when the rewrite is ready (PDFKit waits for every
 * object before its cross-reference table), and the slots are filled in then.
 * With `level`, the stream is compressed at that zlib level (PDFKit's is zlib's default, 6).
 */
export function collectPageContent(
  doc: PDFKit.PDFDocument,
  options: { readonly rewrite?: ContentRewrite; readonly level?: number } = {},
): PageContent {
  const content = need((doc as unknown as OutputInternals).page?.content, 'the page’s content reference');
  const write = content.write;
  const finalize = content.finalize;
  if (
    typeof write !== 'function' ||
    typeof finalize !== 'function' ||
    typeof content.compress !== 'boolean' ||
    !Array.isArray(content.buffer)
  )
    throw new MissingInternalError('the content reference’s write(), finalize(), compress and buffer');
  // What PDFKit wrote when it opened the page (its coordinate flip), taken back to go first in the string.
  const collected = new CollectedContent(
    content,
    content.buffer.map((chunk) => Buffer.from(chunk).toString('latin1')).join(''),
    write,
    finalize,
    options,
  );
  content.buffer = [];
  delete content.data.Length;
  delete content.data.Filter;
  (content as CollectingReference)[COLLECTED] = collected;
  // Functions shared by every page, not closures over this one: a per-page closure that PDFKit calls kept the
  // whole document alive through minor GCs, to be promoted to the old generation (V8: ~55 KB a notice).
  content.write = writeCollected;
  content.finalize = finalizeCollected;
  return collected;
}

const COLLECTED = Symbol('placard collected content');

type CollectingReference = ContentReference & { [COLLECTED]: CollectedContent };

/** The content reference's write, while its page is collected: PDFKit's operators, each with a line feed. */
function writeCollected(this: CollectingReference, chunk: string | Uint8Array): void {
  this[COLLECTED].append((typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1')) + '\n');
}

/** The content reference's finalize, while its page is collected: now, or when the rewrite is ready. */
function finalizeCollected(this: CollectingReference): unknown {
  return this[COLLECTED].finalize();
}

/** A page's content as collected (collectPageContent). */
class CollectedContent implements PageContent {
  /** Each slot's offset in `text`, then the slot. */
  private slots: (number | Slot)[] = [];

  constructor(
    private readonly content: ContentReference,
    private text: string,
    private readonly write: ContentReference['write'],
    private readonly finalizeReference: ContentReference['finalize'],
    private readonly options: { readonly rewrite?: ContentRewrite; readonly level?: number },
  ) {}

  append(more: string): void {
    this.text += more;
  }

  appendSlots(more: string, offsets: readonly number[] | undefined, holders: readonly { readonly encoded: Slot | undefined }[]): void {
    if (offsets !== undefined) {
      const base = this.text.length;
      for (let i = 0; i < offsets.length; i++) {
        const slot = holders[i]!.encoded;
        if (slot === undefined) throw new Error('collectPageContent: a slot with nothing to fill it');
        this.slots.push(base + offsets[i]!, slot);
      }
    }
    this.text += more;
  }

  finalize(): unknown {
    const rewrite = this.options.rewrite;
    if (rewrite === undefined) return this.writeOut();
    rewrite.whenReady(() => this.writeOut());
    return undefined;
  }

  private writeOut(): unknown {
    const { content, slots } = this;
    const bytes = Buffer.from(this.text, 'latin1');
    for (let i = 0; i < slots.length; i += 2) {
      const at = slots[i] as number;
      const cid = (slots[i + 1] as Slot).cid;
      if (!(cid >= 0 && cid <= 0xffff)) throw new Error(`collectPageContent: a slot without its CID (${cid})`);
      bytes[at] = HEX_DIGITS[cid >> 12]!;
      bytes[at + 1] = HEX_DIGITS[(cid >> 8) & 15]!;
      bytes[at + 2] = HEX_DIGITS[(cid >> 4) & 15]!;
      bytes[at + 3] = HEX_DIGITS[cid & 15]!;
    }
    this.text = '';
    this.slots = [];
    if (bytes.length > 0) {
      const level = this.options.level;
      if (level !== undefined && content.compress) {
        content.compress = false;
        this.write.call(content, deflateSync(bytes, { level }));
        content.data.Filter = 'FlateDecode';
      } else this.write.call(content, bytes);
    }
    return this.finalizeReference.call(content);
  }
}

/** Lowercase hex digits as Latin-1 bytes, as a CID is written. */
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** A document whose bytes are read at the end with `output()` (drawPdf), rather than streamed as PDFKit does by default (a combined file). */
export function inMemoryDocument(options: PDFKit.PDFDocumentOptions): { readonly doc: PDFKit.PDFDocument; output(): Uint8Array } {
  const doc = new InMemoryDocument(options);
  return { doc, output: () => doc.output() };
}
