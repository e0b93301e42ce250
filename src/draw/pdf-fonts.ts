import type { LoadedFont } from '../fonts/loaded-font.js';
import type { ShapedGlyph } from '../text/shape.js';
import { embedFont, useOnPage, type PdfKitEmbeddedFont } from './pdfkit-internals.js';
import { drawnText } from './reader-text.js';

interface Encoded {
  readonly hex: string;
  readonly width: number;
}

interface CidEntry {
  readonly xAdvance: number;
  readonly text: string;
  readonly rise: number;
  readonly encoded: Encoded;
}

interface UsedFont {
  readonly pdf: PdfKitEmbeddedFont;
  readonly scale: number;
  /**
   * CID (as hex) and width per (glyph id, advance, text, rise): one glyph shared by several letters gets one CID per letter.
   * By glyph id, then a short list (one entry for most glyphs), so that no key string is built per glyph drawn.
   */
  readonly cids: Map<number, CidEntry[]>;
  /** CIDs drawn raised (font units), as copies of their glyph inside the subset; undefined when placard does not write the subset. */
  readonly raised?: Map<number, number>;
}

/**
 * Maps shaped glyphs to CIDs of one document's embedded fonts. Each CID maps
 * to exactly the characters of its shaping cluster, so extraction returns the
 * text that was typed, even where a font draws several letters with one glyph.
 */
export class PdfFonts {
  /**
   * By face id, as PDFKit registers the embedded font: the pages of a combined
   * file come from several threads, each with its own copy of a face, and one
   * face must still get one set of CIDs in one embedded subset.
   */
  private readonly used = new Map<string, UsedFont>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

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
   */
  encode(font: LoadedFont, glyph: ShapedGlyph, rtl: boolean, raised = false): Encoded {
    const used = this.usedFont(font);
    const text = glyph.text === '' ? '\u200b' : drawnText(glyph, rtl);
    const rise = raised && used.raised ? Math.round(glyph.yOffset) : 0;
    let entries = used.cids.get(glyph.id);
    if (entries === undefined) {
      entries = [];
      used.cids.set(glyph.id, entries);
    }
    for (const entry of entries) {
      if (entry.xAdvance === glyph.xAdvance && entry.text === text && entry.rise === rise) return entry.encoded;
    }
    const { subset } = used.pdf;
    let cid: number;
    if (rise !== 0) {
      subset.glyphs.push(glyph.id);
      cid = subset.glyphs.length - 1;
      used.raised!.set(cid, rise);
    } else if (subset.mapping[glyph.id] === undefined) {
      cid = subset.includeGlyph(glyph.id);
    } else {
      subset.glyphs.push(glyph.id);
      cid = subset.glyphs.length - 1;
    }
    const width = glyph.xAdvance * used.scale;
    used.pdf.widths[cid] = width;
    used.pdf.unicode[cid] = [...text].map((char) => char.codePointAt(0)!);
    const encoded = { hex: cid.toString(16).padStart(4, '0'), width };
    entries.push({ xAdvance: glyph.xAdvance, text, rise, encoded });
    return encoded;
  }

  /** Whether glyphs of this font can be drawn raised inside the font (a TrueType subset placard writes). */
  canRaise(font: LoadedFont): boolean {
    return this.usedFont(font).raised !== undefined;
  }

  private usedFont(font: LoadedFont): UsedFont {
    let used = this.used.get(font.face.id);
    if (!used) {
      const raised = new Map<number, number>();
      const { pdf, fastSubset } = embedFont(this.doc, font, raised);
      used = { pdf, scale: 1000 / font.unitsPerEm, cids: new Map(), ...(fastSubset ? { raised } : {}) };
      this.used.set(font.face.id, used);
    }
    return used;
  }
}
