import type { LoadedFont } from '../fonts/loaded-font.js';

/**
 * Writes the TrueType subset that PDFKit embeds, in place of fontkit's
 * TTFSubset.encode. fontkit decoded every glyph outline and re-encoded its
 * tables through generic structs in every document: about a fifth of a
 * render for a notice with Chinese and Arabic. This copies raw bytes: per
 * font and glyph, the glyf bytes, composite components and metrics are kept
 * for the process; head, hhea, maxp and the hinting tables are copied with
 * the few fields a subset changes. The tables are those fontkit writes and
 * the PDF specification asks for (head, hhea, loca, maxp, cvt, prep, glyf,
 * hmtx, fpgm). TrueType outlines only; placard never embeds variable fonts.
 */

/** The fields of fontkit's TTFSubset that this file uses (pdfkit-internals.ts checks they are there). */
export interface TtfSubset {
  glyphs: number[];
  includeGlyph(gid: number): number;
}

interface GlyphRecord {
  readonly bytes: Uint8Array;
  /** Byte offsets of component glyph ids inside `bytes`, for composites. */
  readonly components: readonly { readonly glyphID: number; readonly pos: number }[];
  readonly advance: number;
  readonly bearing: number;
}

/** What a font's glyph records are read from, parsed once per font: glyph offsets (loca) and horizontal metrics (hmtx). */
interface GlyphTables {
  /** Where glyph `gid` starts in glyf (and `gid + 1`, where it ends), read from loca when asked: a CJK face has 65,000. */
  readonly offset: (gid: number) => number;
  readonly hmtx: DataView;
  readonly numberOfHMetrics: number;
  /** A view of the glyf table in HarfBuzz's memory, fetched again when the memory grew (which detaches views). */
  glyf: Uint8Array | undefined;
  /** Copies of the tables a subset takes whole (hinting) or with a few fields changed (head, hhea, maxp), read on first use. */
  readonly copied: Map<string, CopiedTable | undefined>;
}

interface CopiedTable {
  readonly bytes: Uint8Array;
  /** The table's checksum, for the tables written unchanged. */
  readonly checksum: number;
}

/**
 * A copy of one of the font's tables, through HarfBuzz's public API. The
 * view HarfBuzz returns points into its WebAssembly memory, which the next
 * call may grow (detaching the view), so it is copied at once.
 */
function tableCopy(font: LoadedFont, tag: string): Uint8Array | undefined {
  return font.hbFont.face.referenceTable(tag)?.slice();
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const glyphTables = new WeakMap<LoadedFont, GlyphTables>();

function tablesOf(font: LoadedFont): GlyphTables {
  let found = glyphTables.get(font);
  if (!found) {
    const required = (tag: string): DataView => {
      const bytes = tableCopy(font, tag);
      if (!bytes) throw new Error(`${font.face.file}: a TrueType font without a ${tag} table`);
      return view(bytes);
    };
    const longLoca = required('head').getInt16(50) === 1;
    const numGlyphs = required('maxp').getUint16(4);
    const numberOfHMetrics = required('hhea').getUint16(34);
    const loca = required('loca');
    const offset = (gid: number): number => {
      if (!(gid >= 0 && gid <= numGlyphs)) throw new Error(`${font.face.file}: no glyph ${gid}`);
      return longLoca ? loca.getUint32(gid * 4) : loca.getUint16(gid * 2) * 2;
    };
    found = { offset, hmtx: required('hmtx'), numberOfHMetrics, glyf: undefined, copied: new Map() };
    glyphTables.set(font, found);
  }
  return found;
}

/** The glyph ids a composite glyph's components name, and where each sits in its bytes (OpenType glyf, composite glyph description). */
function componentsOf(bytes: Uint8Array): GlyphRecord['components'] {
  if (bytes.length < 10 || view(bytes).getInt16(0) >= 0) return [];
  const data = view(bytes);
  const components: { glyphID: number; pos: number }[] = [];
  let pos = 10;
  let flags: number;
  do {
    flags = data.getUint16(pos);
    components.push({ glyphID: data.getUint16(pos + 2), pos: pos + 2 });
    pos += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008)
      pos += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040)
      pos += 4; // WE_HAVE_AN_X_AND_Y_SCALE
    else if (flags & 0x0080) pos += 8; // WE_HAVE_A_TWO_BY_TWO
  } while (flags & 0x0020); // MORE_COMPONENTS
  return components;
}

const records = new WeakMap<LoadedFont, Map<number, GlyphRecord>>();

/** Reads bytes [start, end) of a font's glyf table. */
type GlyfReader = (start: number, end: number) => Uint8Array;

/**
 * One glyph's outline bytes, components and metrics, read from the font's
 * tables through HarfBuzz's public table API (no fontkit internals), or its
 * outline from the file when HarfBuzz was given none (fonts/font-bytes.ts),
 * and kept for the process. The composite parsing is written out here
 * because neither HarfBuzz's JavaScript API nor fontkit's public one gives
 * the byte positions of a composite's component ids.
 */
function glyphRecord(font: LoadedFont, gid: number, readGlyf: GlyfReader): GlyphRecord {
  let byGlyph = records.get(font);
  if (!byGlyph) {
    byGlyph = new Map();
    records.set(font, byGlyph);
  }
  let found = byGlyph.get(gid);
  if (!found) {
    const tables = tablesOf(font);
    const bytes = readGlyf(tables.offset(gid), tables.offset(gid + 1));
    const metric = Math.min(gid, tables.numberOfHMetrics - 1);
    const advance = tables.hmtx.getUint16(metric * 4);
    const bearing =
      gid < tables.numberOfHMetrics
        ? tables.hmtx.getInt16(gid * 4 + 2)
        : tables.hmtx.getInt16(tables.numberOfHMetrics * 4 + (gid - tables.numberOfHMetrics) * 2);
    found = { bytes, components: componentsOf(bytes), advance, bearing };
    byGlyph.set(gid, found);
  }
  return found;
}

/** Runs `use` with a reader of the font's glyf table: HarfBuzz's, or the file's (open meanwhile). */
function readingGlyf<T>(font: LoadedFont, use: (read: GlyfReader) => T): T {
  if (font.outlines) return font.outlines.reading(use);
  return use((start, end) => {
    const tables = tablesOf(font);
    if (!tables.glyf || tables.glyf.byteLength === 0) tables.glyf = font.hbFont.face.referenceTable('glyf');
    return tables.glyf!.slice(start, end);
  });
}

/**
 * A copy of a glyph drawn `rise` font units higher: a composite glyph of one
 * component (the glyph itself, offset by 0, rise), with the glyph's metrics.
 * Drawing a raised mark or a Nastaliq letter with such a copy keeps every
 * glyph of a line on one baseline in the content stream, so readers that
 * group text by position (pdf.js, pdfminer) do not split the line there.
 */
function raisedRecord(original: GlyphRecord, gid: number, rise: number): GlyphRecord {
  const bytes = new Uint8Array(18);
  const view = new DataView(bytes.buffer);
  view.setInt16(0, -1); // numberOfContours: a composite
  if (original.bytes.length >= 10) {
    const box = new DataView(original.bytes.buffer, original.bytes.byteOffset, 10);
    view.setInt16(2, box.getInt16(2));
    view.setInt16(4, clamp16(box.getInt16(4) + rise));
    view.setInt16(6, box.getInt16(6));
    view.setInt16(8, clamp16(box.getInt16(8) + rise));
  }
  // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES | USE_MY_METRICS
  view.setUint16(10, 0x0001 | 0x0002 | 0x0200);
  view.setUint16(12, gid);
  view.setInt16(14, 0);
  view.setInt16(16, clamp16(rise));
  return { bytes, components: [{ glyphID: gid, pos: 12 }], advance: original.advance, bearing: original.bearing };
}

const clamp16 = (value: number): number => Math.max(-32768, Math.min(32767, value));

const pad4 = (length: number): number => (length + 3) & ~3;

function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) {
    sum = (sum + (i + 4 <= bytes.length ? view.getUint32(i) : tail(bytes, i))) >>> 0;
  }
  return sum;
}

function tail(bytes: Uint8Array, from: number): number {
  let value = 0;
  for (let i = 0; i < 4; i++) value = (value << 8) | (bytes[from + i] ?? 0);
  return value >>> 0;
}

/** A subset font file: the glyphs in `subset.glyphs` order (new glyph id = index), composites remapped. */
export function encodeSubset(subset: TtfSubset, font: LoadedFont, raised: ReadonlyMap<number, number> = new Map()): Uint8Array {
  const glyf: Uint8Array[] = [];
  const metrics: GlyphRecord[] = [];
  readingGlyf(font, (readGlyf) => {
    for (let i = 0; i < subset.glyphs.length; i++) {
      const gid = subset.glyphs[i]!;
      const rise = raised.get(i);
      const original = glyphRecord(font, gid, readGlyf);
      const record = rise === undefined ? original : raisedRecord(original, gid, rise);
      let bytes = record.bytes;
      if (record.components.length > 0) {
        bytes = new Uint8Array(record.bytes);
        const view = new DataView(bytes.buffer);
        for (const component of record.components) view.setUint16(component.pos, subset.includeGlyph(component.glyphID));
      }
      glyf.push(bytes);
      metrics.push(record);
    }
  });
  const count = glyf.length;
  const glyfLength = glyf.reduce((sum, bytes) => sum + bytes.length, 0);
  const longLoca = glyfLength > 0x1fffe || glyf.some((bytes) => bytes.length % 2 === 1);

  const loca = new Uint8Array((count + 1) * (longLoca ? 4 : 2));
  const glyfTable = new Uint8Array(glyfLength);
  const locaView = new DataView(loca.buffer);
  let offset = 0;
  glyf.forEach((bytes, i) => {
    if (longLoca) locaView.setUint32(i * 4, offset);
    else locaView.setUint16(i * 2, offset / 2);
    glyfTable.set(bytes, offset);
    offset += bytes.length;
  });
  if (longLoca) locaView.setUint32(count * 4, offset);
  else locaView.setUint16(count * 2, offset / 2);

  const hmtx = new Uint8Array(count * 4);
  const hmtxView = new DataView(hmtx.buffer);
  metrics.forEach((record, i) => {
    hmtxView.setUint16(i * 4, record.advance);
    hmtxView.setInt16(i * 4 + 2, record.bearing);
  });

  const tables = tablesOf(font);
  const copied = (tag: string): CopiedTable | undefined => {
    if (!tables.copied.has(tag)) {
      const bytes = tableCopy(font, tag);
      tables.copied.set(tag, bytes === undefined || bytes.length === 0 ? undefined : { bytes, checksum: checksum(bytes) });
    }
    return tables.copied.get(tag);
  };
  const table = (tag: string): Uint8Array | undefined => copied(tag)?.bytes;
  const head = new Uint8Array(table('head')!);
  new DataView(head.buffer).setUint32(8, 0); // checkSumAdjustment, set last
  new DataView(head.buffer).setInt16(50, longLoca ? 1 : 0); // indexToLocFormat
  const hhea = new Uint8Array(table('hhea')!);
  new DataView(hhea.buffer).setUint16(34, count); // numberOfHMetrics
  const maxp = new Uint8Array(table('maxp')!);
  const maxpView = new DataView(maxp.buffer);
  maxpView.setUint16(4, count); // numGlyphs
  if (raised.size > 0 && maxp.length >= 32) {
    // A raised copy is a composite of one component, one level above its glyph.
    maxpView.setUint16(28, Math.max(1, maxpView.getUint16(28))); // maxComponentElements
    maxpView.setUint16(30, maxpView.getUint16(30) + 1); // maxComponentDepth
  }

  const unchanged = (tag: string): SfntTable | undefined => {
    const found = copied(tag);
    return found && { tag, bytes: found.bytes, checksum: found.checksum };
  };
  const changed = (tag: string, bytes: Uint8Array): SfntTable => ({ tag, bytes, checksum: checksum(bytes) });
  const written = [
    unchanged('cvt '),
    unchanged('fpgm'),
    changed('glyf', glyfTable),
    changed('head', head),
    changed('hhea', hhea),
    changed('hmtx', hmtx),
    changed('loca', loca),
    changed('maxp', maxp),
    unchanged('prep'),
  ].filter((entry): entry is SfntTable => entry !== undefined && entry.bytes.length > 0);
  return assemble(written);
}

interface SfntTable {
  readonly tag: string;
  readonly bytes: Uint8Array;
  readonly checksum: number;
}

/**
 * The sfnt wrapper: offset table, table records in tag order, 4-byte aligned
 * tables, checkSumAdjustment. Every table starts on a 4-byte boundary and is
 * padded with zeros, so the file's checksum is the header's plus the
 * tables' (no second pass over the file).
 */
function assemble(tables: readonly SfntTable[]): Uint8Array {
  const headerLength = 12 + 16 * tables.length;
  const total = tables.reduce((sum, { bytes }) => sum + pad4(bytes.length), headerLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tables.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tables.length * 16 - power * 16);
  let offset = headerLength;
  let headOffset = 0;
  let sum = 0;
  tables.forEach(({ tag, bytes, checksum: tableSum }, i) => {
    const record = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[record + k] = tag.charCodeAt(k);
    view.setUint32(record + 4, tableSum);
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, bytes.length);
    out.set(bytes, offset);
    if (tag === 'head') headOffset = offset;
    offset += pad4(bytes.length);
    sum = (sum + tableSum) >>> 0;
  });
  sum = (sum + checksum(out.subarray(0, headerLength))) >>> 0;
  view.setUint32(headOffset + 8, (0xb1b0afba - sum) >>> 0);
  return out;
}
