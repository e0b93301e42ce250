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

/** Sets of glyphs kept per session: a batch's notices share most of theirs (the template's own text). */
const LIMIT = 128;

/**
 * A session's embedded-font streams, by font and the document's set of glyph
 * entries (pdf-fonts.ts gives CIDs in a canonical order, so the streams are a
 * function of that set alone): a notice whose set a notice before it had
 * writes the same bytes without subsetting or compressing again. The session
 * makes it and drops it; it holds at most LIMIT sets, the oldest dropped first.
 * Whether a set is found changes no byte of the output.
 */
export class FontStreamCache {
  private readonly byFont = new WeakMap<LoadedFont, Map<string, FontStreams>>();
  /** Every kept set, oldest first, to drop when over the limit. */
  private readonly order: { readonly sets: Map<string, FontStreams>; readonly key: string }[] = [];

  /** What embedding reads of each font that no document changes (pdfkit-internals.ts), read once per session. */
  private descriptions = new WeakMap<LoadedFont, FontDescription>();

  /** The session's glyph runs made ready to draw (draw-pdf.ts), kept here to live and die with the session. */
  readonly glyphRuns = new GlyphRunCache();

  constructor(private readonly limit = LIMIT) {}

  take(font: LoadedFont, key: string, make: () => FontStreams): FontStreams {
    let sets = this.byFont.get(font);
    if (!sets) {
      sets = new Map();
      this.byFont.set(font, sets);
    }
    const found = sets.get(key);
    if (found) return found;
    const made = make();
    sets.set(key, made);
    this.order.push({ sets, key });
    if (this.order.length > this.limit) {
      const oldest = this.order.shift()!;
      oldest.sets.delete(oldest.key);
    }
    return made;
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
    for (const { sets } of this.order.splice(0)) sets.clear();
  }
}
