import type { LoadedFont } from '../fonts/loaded-font.js';
import { GlyphRunCache } from './glyph-run-cache.js';

/** An embedded font's two compressed streams, the font program (FontFile2 or FontFile3) and the ToUnicode map, and its widths (W) as written. */
export interface FontStreams {
  readonly fontFile: Uint8Array;
  readonly toUnicode: Uint8Array;
  readonly widths: string;
}

/**
 * What embedding reads of a font that is the same in every document: the
 * font PDFKit's EmbeddedFont is made from (`face`, pdfkit-internals.ts),
 * whether it has TrueType outlines (truetype-subset.ts writes its subset),
 * and its font descriptor's fixed fields, as PDFKit's embed() works them
 * out. The session keeps them (`description`).
 */
export interface FontDescription {
  readonly face: object;
  readonly truetype: boolean;
  /** The PostScript name as the descriptor's FontName ends, spaces as underscores. */
  readonly baseName: string;
  readonly flags: number;
  readonly bbox: readonly number[];
  readonly italicAngle: number;
  readonly capHeight: number;
  readonly xHeight: number;
}

/**
 * A document's set of entries for one font, as PdfFonts names it: each entry's key (pdf-fonts.ts),
 * in CID order, whether the font draws raised copies, and a hash of it all to look it up by.
 */
export interface EntrySet {
  readonly raised: boolean;
  readonly keys: readonly string[];
  readonly hash: number;
}

interface Kept {
  readonly set: EntrySet;
  readonly streams: FontStreams;
}

/** Whether two sets are the same: each key the same, in the same place. */
function sameSet(a: EntrySet, b: EntrySet): boolean {
  if (a.raised !== b.raised || a.keys.length !== b.keys.length) return false;
  for (let i = 0; i < a.keys.length; i++) if (a.keys[i] !== b.keys[i]) return false;
  return true;
}

/**
 * Sets of glyphs kept per session: a batch's notices share most of theirs (the template's own text). A notice's
 * record adds its own (its digits, a name's letters), so the sets keep coming: 1,000 rows of en,es (e1000.csv)
 * had 203 of them, and with 128 kept, 373 notices compressed their fonts again; with 512, 203 did.
 */
const LIMIT = 512;

/**
 * And at most this many bytes of them (streams, widths and entry keys, roughly): a set of glyphs in five script
 * pairs averaged ~7.5 KB (a 1,000-row batch), one of Han, Hangul or Myanmar text can be several times that.
 */
const BYTES = 4 * 1024 * 1024;

/** What a kept set holds, roughly, in bytes. */
function sizeOf(kept: Kept): number {
  const { streams, set } = kept;
  let size = streams.fontFile.length + streams.toUnicode.length + 2 * streams.widths.length;
  for (const key of set.keys) size += 2 * key.length + 16;
  return size;
}

/**
 * A session's embedded-font streams, by font and the document's set of glyph
 * entries (pdf-fonts.ts gives CIDs in a canonical order, so the streams are a
 * function of that set alone): a notice whose set a notice before it had
 * writes the same bytes without subsetting or compressing again. The session
 * makes it and drops it; it holds at most LIMIT sets and BYTES, the oldest dropped first.
 * Whether a set is found changes no byte of the output.
 */
export class FontStreamCache {
  /** By font, then by the set's hash: the sets with that hash and their streams. */
  private readonly byFont = new WeakMap<LoadedFont, Map<number, Kept[]>>();
  /** Every kept set, oldest first, to drop when over the limit. */
  private readonly order: { readonly buckets: Map<number, Kept[]>; readonly kept: Kept; readonly size: number }[] = [];
  /** The kept sets' sizes added up (sizeOf). */
  private bytes = 0;

  /** What embedding reads of each font that no document changes (pdfkit-internals.ts), read once per session. */
  private descriptions = new WeakMap<LoadedFont, FontDescription>();

  /** The session's glyph runs made ready to draw (draw-pdf.ts), kept here to live and die with the session. */
  readonly glyphRuns = new GlyphRunCache();

  constructor(
    private readonly limit = LIMIT,
    private readonly budget = BYTES,
  ) {}

  /** The streams of a font with this set of entries: kept from a document before, or made now (and kept). */
  take(font: LoadedFont, set: EntrySet, make: () => FontStreams): FontStreams {
    let buckets = this.byFont.get(font);
    if (!buckets) {
      buckets = new Map();
      this.byFont.set(font, buckets);
    }
    const bucket = buckets.get(set.hash);
    if (bucket) for (const kept of bucket) if (sameSet(kept.set, set)) return kept.streams;
    const kept: Kept = { set, streams: make() };
    if (bucket) bucket.push(kept);
    else buckets.set(set.hash, [kept]);
    const size = sizeOf(kept);
    this.order.push({ buckets, kept, size });
    this.bytes += size;
    while (this.order.length > 1 && (this.order.length > this.limit || this.bytes > this.budget)) {
      const oldest = this.order.shift()!;
      this.bytes -= oldest.size;
      const hash = oldest.kept.set.hash;
      const from = oldest.buckets.get(hash)!;
      from.splice(from.indexOf(oldest.kept), 1);
      if (from.length === 0) oldest.buckets.delete(hash);
    }
    return kept.streams;
  }

  /** The font's description, made the first time the session embeds it. */
  description(font: LoadedFont, make: () => FontDescription): FontDescription {
    let found = this.descriptions.get(font);
    if (found === undefined) {
      found = make();
      this.descriptions.set(font, found);
    }
    return found;
  }

  clear(): void {
    this.descriptions = new WeakMap();
    this.glyphRuns.clear();
    for (const { buckets } of this.order.splice(0)) buckets.clear();
    this.bytes = 0;
  }
}
