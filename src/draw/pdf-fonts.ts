import type { LoadedFont } from '../fonts/loaded-font.js';
import type { ShapedGlyph } from '../text/shape.js';
import type { EntrySet, FontStreamCache, FontStreams } from './font-stream-cache.js';
import { entryKey, keyHash } from './glyph-run-cache.js';
import {
  embedFont,
  embedWithStreams,
  useOnPage,
  type ContentRewrite,
  type FontFacts,
  type PdfKitEmbeddedFont,
  type Slot,
} from './pdfkit-internals.js';
import { drawnText } from './reader-text.js';

/** A glyph entry's CID in one document: its hex (a placeholder until given, with canonical CIDs) and its width. */
export interface Encoded extends Slot {
  readonly hex: string;
  readonly width: number;
  /** The CID; -1 until given, with canonical CIDs. */
  cid: number;
}

interface CidEntry {
  readonly glyph: number;
  readonly xAdvance: number;
  readonly text: string;
  readonly rise: number;
  readonly encoded: Encoded;
  /** Its part of the font's cache key (`entryKey`) and that part's hash, when the caller had them made already. */
  readonly known: KnownKey | undefined;
}

/** An entry's key and its hash, as the session's glyph runs make them once per entry (glyph-run-cache.ts). */
export interface KnownKey {
  readonly key: string;
  readonly keyHash: number;
}

interface UsedFont {
  readonly font: LoadedFont;
  readonly pdf: PdfKitEmbeddedFont;
  readonly scale: number;
  /**
   * CID (as hex) and width per (glyph id, advance, text, rise): one glyph shared by several letters gets one CID per letter.
   * By glyph id, then a short list (one entry for most glyphs), so that no key string is built per glyph drawn.
   * CIDs in drawing order only: canonical CIDs keep `drawn`.
   */
  readonly cids: Map<number, CidEntry[]>;
  /**
   * Canonical CIDs: the entries asked for, in drawing order. The session's glyph runs ask once per entry
   * (glyph-run-cache.ts), so an entry drawn twice under one key is rare (a registry that started again):
   * it gets an entry of its own here, and the CID of the first (assignCids).
   */
  readonly drawn: CidEntry[];
  /** CIDs drawn raised (font units), as copies of their glyph inside the subset; undefined when placard does not write the subset. */
  readonly raised?: Map<number, number>;
}

/** What content holds where a canonical CID goes until it is given (a slot, filled in by collectPageContent). */
export const CID_PLACEHOLDER = '0000';

/**
 * Maps shaped glyphs to CIDs of one document's embedded fonts. Each CID maps
 * to exactly the characters of its shaping cluster, so extraction returns the
 * text that was typed, even where a font draws several letters with one glyph.
 *
 * CIDs are given in one of two ways. In drawing order (a combined print file,
 * whose pages are written as they come). Or, for a document drawn whole
 * (`canonical`), once every glyph is known (`assignCids`): the content holds a
 * slot per glyph until then (pdfkit-internals.ts), and CIDs follow the entries' sorted order, so
 * the embedded font (subset, widths, ToUnicode) is a function of the
 * document's set of glyphs alone, and its compressed streams can be kept by
 * the session (FontStreamCache) for the next document with the same set.
 */
export class PdfFonts implements ContentRewrite {
  /**
   * By face id, as PDFKit registers the embedded font: the pages of a combined
   * file come from several threads, each with its own copy of a face, and one
   * face must still get one set of CIDs in one embedded subset.
   */
  private readonly used = new Map<string, UsedFont>();
  private assigned = false;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly canonical?: { readonly cache?: FontStreamCache },
  ) {}

  /** Whether CIDs are given once every glyph is drawn: encoded hex is then a placeholder, for a slot of the page content. */
  get deferred(): boolean {
    return this.canonical !== undefined;
  }

  /** Selects the font for the next text and returns its resource name. */
  select(font: LoadedFont): string {
    const used = this.usedFont(font);
    useOnPage(this.doc, used.pdf);
    return used.pdf.id;
  }

  /**
   * The CID for a glyph, as four hex digits, and its width in 1/1000 em. The width is the
   * glyph's shaped advance (kerning and mark positioning included), so readers that place
   * text by widths find no false gaps; a glyph used with two advances gets two CIDs.
   * The CID's ToUnicode entry is the glyph's characters; in a right-to-left run they are
   * stored reversed, because readers reverse the whole run back into logical order. A glyph
   * that carries no characters (the second glyph of a cluster) maps to U+200B, a format
   * character that pdf.js drops; an empty entry would make it fall back to the CID itself.
   * With canonical CIDs, the hex is a placeholder and the CID is given by `assignCids`.
   */
  encode(font: LoadedFont, glyph: ShapedGlyph, rtl: boolean, raised = false, known?: KnownKey): Encoded {
    const used = this.usedFont(font);
    const text = glyph.text === '' ? '\u200b' : drawnText(glyph, rtl);
    const rise = raised && used.raised ? Math.round(glyph.yOffset) : 0;
    if (this.canonical !== undefined) {
      if (this.assigned) throw new Error('PdfFonts: a glyph drawn after the CIDs were given');
      const encoded = { hex: CID_PLACEHOLDER, width: glyph.xAdvance * used.scale, cid: -1 };
      used.drawn.push({ glyph: glyph.id, xAdvance: glyph.xAdvance, text, rise, encoded, known });
      return encoded;
    }
    let entries = used.cids.get(glyph.id);
    if (entries === undefined) {
      entries = [];
      used.cids.set(glyph.id, entries);
    }
    for (const entry of entries) {
      if (entry.xAdvance === glyph.xAdvance && entry.text === text && entry.rise === rise) return entry.encoded;
    }
    const width = glyph.xAdvance * used.scale;
    const cid = addCid(used, glyph.id, rise, width, text);
    const encoded = { hex: hex4(cid), width, cid };
    entries.push({ glyph: glyph.id, xAdvance: glyph.xAdvance, text, rise, encoded, known });
    return encoded;
  }

  /** Whether glyphs of this font can be drawn raised inside the font (a TrueType subset placard writes). */
  canRaise(font: LoadedFont): boolean {
    return this.usedFont(font).raised !== undefined;
  }

  /**
   * Canonical CIDs: gives every entry drawn its CID, in sorted order (glyph id,
   * rise, advance, text), sets the embedded fonts' streams (from the cache,
   * when a document before had the same set), and writes the page contents
   * that waited for it. Nothing may be drawn after.
   */
  assignCids(): void {
    if (this.canonical === undefined || this.assigned) return;
    this.assigned = true;
    for (const used of this.used.values()) {
      const { entries, repeats } = sortedEntries(used.drawn);
      // addCid gives every entry a CID of its own, in turn, after those the subset holds (its .notdef):
      // the CIDs are known now, and the subset, widths and ToUnicode entries are filled in only when
      // the streams are made (not when a notice before had the same set).
      const first = used.pdf.subset.glyphs.length;
      const raised = used.raised !== undefined;
      const keys: string[] = new Array<string>(entries.length);
      let hash = raised ? 1 : 0;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i]!;
        entry.encoded.cid = first + i;
        const key = entry.known?.key ?? entryKey(entry.glyph, entry.rise, entry.xAdvance, entry.text);
        keys[i] = key;
        hash = (Math.imul(hash, 0x9e3779b1) + (entry.known?.keyHash ?? keyHash(key))) | 0;
      }
      for (let i = 0; i < repeats.length; i += 2) repeats[i]!.encoded.cid = repeats[i + 1]!.encoded.cid;
      const set: EntrySet = { raised, keys, hash };
      const fill = (): void => {
        for (const entry of entries) {
          if (addCid(used, entry.glyph, entry.rise, entry.encoded.width, entry.text) !== entry.encoded.cid)
            throw new Error('PdfFonts: a CID other than its place in the sorted entries');
        }
      };
      const cache = this.canonical!.cache;
      const streams = (make: () => FontStreams): FontStreams => {
        const filled = (): FontStreams => {
          fill();
          return make();
        };
        return cache ? cache.take(used.font, set, filled) : filled();
      };
      embedWithStreams(this.doc, used.pdf, used.font, streams, this.facts(used.font));
    }
    for (const write of this.waiting.splice(0)) write();
  }

  /** ContentRewrite: page content waits for the CIDs (canonical CIDs only). */
  whenReady(write: () => void): void {
    if (this.canonical === undefined || this.assigned) write();
    else this.waiting.push(write);
  }

  /** The font's description (pdfkit-internals.ts), kept by the session when there is one. */
  private facts(font: LoadedFont): FontFacts {
    const cache = this.canonical?.cache;
    return cache ? (make) => cache.description(font, make) : (make) => make();
  }

  private usedFont(font: LoadedFont): UsedFont {
    let used = this.used.get(font.face.id);
    if (!used) {
      const raised = new Map<number, number>();
      const { pdf, fastSubset } = embedFont(this.doc, font, raised, this.facts(font));
      used = { font, pdf, scale: 1000 / font.unitsPerEm, cids: new Map(), drawn: [], ...(fastSubset ? { raised } : {}) };
      this.used.set(font.face.id, used);
    }
    return used;
  }
}

const hex4 = (cid: number): string => cid.toString(16).padStart(4, '0');

function byEntry(a: CidEntry, b: CidEntry): number {
  return a.glyph - b.glyph || a.rise - b.rise || a.xAdvance - b.xAdvance || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

/**
 * The entries drawn, in byEntry's order, each key once; and each entry drawn again under a key
 * before it, followed by the entry it repeats (pairs, flat). The glyph ids are sorted as numbers
 * in a typed array, each with its entry's place (no comparator: the entries of one glyph, few,
 * are sorted by byEntry after).
 */
function sortedEntries(drawn: readonly CidEntry[]): { readonly entries: CidEntry[]; readonly repeats: CidEntry[] } {
  const count = drawn.length;
  let ordered: CidEntry[];
  if (count <= 0x10000 && drawn.every((entry) => entry.glyph >= 0 && entry.glyph <= 0xffff)) {
    const keys = new Uint32Array(count);
    for (let i = 0; i < count; i++) keys[i] = drawn[i]!.glyph * 0x10000 + i;
    keys.sort();
    ordered = new Array<CidEntry>(count);
    for (let i = 0; i < count; i++) ordered[i] = drawn[keys[i]! & 0xffff]!;
    for (let start = 0; start < count;) {
      let end = start + 1;
      while (end < count && ordered[end]!.glyph === ordered[start]!.glyph) end++;
      if (end - start > 1) ordered.splice(start, end - start, ...ordered.slice(start, end).sort(byEntry));
      start = end;
    }
  } else ordered = [...drawn].sort(byEntry);
  const entries: CidEntry[] = [];
  const repeats: CidEntry[] = [];
  for (const entry of ordered) {
    const last = entries[entries.length - 1];
    if (last !== undefined && byEntry(last, entry) === 0) repeats.push(entry, last);
    else entries.push(entry);
  }
  return { entries, repeats };
}

/** A new CID in the font's subset for a glyph: the glyph itself the first time, a copy (raised, or for another advance or text) after. */
function addCid(used: UsedFont, glyph: number, rise: number, width: number, text: string): number {
  const { subset } = used.pdf;
  let cid: number;
  if (rise !== 0) {
    subset.glyphs.push(glyph);
    cid = subset.glyphs.length - 1;
    used.raised!.set(cid, rise);
  } else if (subset.mapping[glyph] === undefined) {
    cid = subset.includeGlyph(glyph);
  } else {
    subset.glyphs.push(glyph);
    cid = subset.glyphs.length - 1;
  }
  used.pdf.widths[cid] = width;
  used.pdf.unicode[cid] = [...text].map((char) => char.codePointAt(0)!);
  return cid;
}
