import type { FontFace } from '../fonts/bundled-fonts.js';
import type { LoadedFont } from '../fonts/loaded-font.js';
import type { ShapedGlyph } from '../text/shape.js';
import { drawnText } from './reader-text.js';

/**
 * One CID entry as PdfFonts.encode tells them apart (glyph, advance, characters, rise), shared by every
 * run of the session that draws it, with its CID in the document that drew it last: a document encodes
 * each entry once, however many runs and notices draw it.
 */
export interface GlyphEntry {
  /** What to hand PdfFonts.encode. */
  readonly glyph: ShapedGlyph;
  readonly rtl: boolean;
  readonly raised: boolean;
  /** What tells it apart, besides the glyph id: as PdfFonts.encode compares them. */
  readonly xAdvance: number;
  readonly text: string;
  readonly rise: number;
  /** The CID's width in 1/1000 em, as PdfFonts.encode gives it. */
  readonly width: number;
  /** Its part of its font's cache key (entryKey), and that part's hash (keyHash). */
  readonly key: string;
  readonly keyHash: number;
  /** The document (its drawing's own token) that `encoded` belongs to. */
  doc: object | undefined;
  /** Its CID as PdfFonts.encode gives it: hex (a placeholder while the CID is to come) and the CID. */
  encoded: { readonly hex: string; readonly cid: number } | undefined;
}

/** A glyph drawn apart from the line (carrying no characters, or having handed them on), where the line would have put it. */
export interface PlacedEntry {
  readonly entry: GlyphEntry;
  /** Textless glyphs: x from the run's origin and rise, in points. */
  readonly x: number;
  readonly rise: number;
  /** Handed-on glyphs: how far the line's TJ had moved, in 1/1000 of the font size; the rise as text, if any. */
  readonly offset: number;
  readonly raisedBy: string | undefined;
}

/**
 * What drawing a glyph run needs that depends neither on where the run is nor on the document:
 * made once for a laid run (the layout hands the same glyphs to notice after notice) and kept.
 */
export interface RunShape {
  /** The run it was made for, besides its glyphs (its text matters only as the ActualText of a left-to-right run). */
  readonly face: FontFace;
  readonly size: number;
  readonly rtl: boolean;
  readonly font: LoadedFont;
  readonly sizeText: string;
  /** The text for /ActualText, when readers need it: a right-to-left run's, or `true` for the run's own text. */
  readonly actual: string | true | undefined;
  /** The last ActualText drawn for the run, as a PDF string (pdfkit-internals.ts actualTextLiteral). */
  readonly actualLiteral: { text: string | undefined; literal: string };
  /** The line's operators as `literals[0] entries[0] literals[1] …`, each entry as its hex; none when no glyph carries text. */
  readonly literals: readonly string[] | undefined;
  readonly entries: readonly GlyphEntry[];
  /** The line's operators with a placeholder for each entry's hex, and where each placeholder starts (CIDs given later). */
  readonly slotted: { readonly text: string; readonly offsets: readonly number[] } | undefined;
  /** Glyphs drawn on their own, with an empty ActualText: those that carry no characters, then those that handed theirs on. */
  readonly textless: readonly PlacedEntry[];
  readonly handedOn: readonly PlacedEntry[];
  /** Every entry once, in the order drawing the run first asks for it (CIDs given in drawing order follow it). */
  readonly order: readonly GlyphEntry[];
}

/**
 * A CID entry's part of its font's cache key in PdfFonts (glyph id, rise, advance, text): what tells it
 * apart from every other entry, so that the key names the document's set of entries. Made once per
 * entry here and handed to PdfFonts.encode, which makes it itself for entries drawn without a cache.
 */
export const entryKey = (glyph: number, rise: number, xAdvance: number, text: string): string =>
  `\u0000${glyph} ${rise} ${xAdvance} ${text}`;

/** A key's hash (FNV-1a over its UTF-16 units), made once per entry: the font cache looks sets up by their entries' hashes. */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Entries kept before the registry starts again (runs made before keep theirs): a batch's fixed text needs a few hundred. */
const ENTRY_LIMIT = 50_000;

/**
 * A session's glyph runs made ready to draw, by their laid glyphs (dropped with them), and the CID
 * entries they share. Whether a run is found changes no byte of the output.
 */
export class GlyphRunCache {
  private shapes = new WeakMap<readonly ShapedGlyph[], RunShape>();
  private entries = new Map<LoadedFont, Map<number, GlyphEntry[]>>();
  private count = 0;

  shapeOf(glyphs: readonly ShapedGlyph[]): RunShape | undefined {
    return this.shapes.get(glyphs);
  }

  keep(glyphs: readonly ShapedGlyph[], shape: RunShape): void {
    this.shapes.set(glyphs, shape);
  }

  /** The entry PdfFonts.encode would give `glyph` (`raised` only where the font can raise it). */
  entry(font: LoadedFont, glyph: ShapedGlyph, rtl: boolean, raised: boolean): GlyphEntry {
    let byGlyph = this.entries.get(font);
    if (byGlyph === undefined) {
      byGlyph = new Map();
      this.entries.set(font, byGlyph);
    }
    let list = byGlyph.get(glyph.id);
    if (list === undefined) {
      list = [];
      byGlyph.set(glyph.id, list);
    }
    const text = glyph.text === '' ? '\u200b' : drawnText(glyph, rtl);
    const rise = raised ? Math.round(glyph.yOffset) : 0;
    const xAdvance = glyph.xAdvance;
    for (const entry of list) {
      if (entry.xAdvance === xAdvance && entry.text === text && entry.rise === rise) return entry;
    }
    if (++this.count > ENTRY_LIMIT) {
      this.count = 1;
      this.entries = new Map([[font, (byGlyph = new Map([[glyph.id, (list = [])]]))]]);
    }
    const key = entryKey(glyph.id, rise, xAdvance, text);
    const entry: GlyphEntry = {
      glyph,
      rtl,
      raised,
      xAdvance,
      text,
      rise,
      width: xAdvance * (1000 / font.unitsPerEm),
      key,
      keyHash: keyHash(key),
      doc: undefined,
      encoded: undefined,
    };
    list.push(entry);
    return entry;
  }

  clear(): void {
    this.shapes = new WeakMap();
    this.entries = new Map();
    this.count = 0;
  }
}
