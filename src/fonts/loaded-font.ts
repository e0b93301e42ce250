import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as fontkit from 'fontkit';
import * as hb from 'harfbuzzjs';
import type { FontFace } from './bundled-fonts.js';
import { fontBytes } from './font-bytes.js';
import type { GlyphOutlines } from './glyph-outlines.js';
import { withLazyLoca } from './lazy-loca.js';
import { withLazyPostTable } from './post-table.js';

/**
 * A font parsed once per process. HarfBuzz shapes with it and PDFKit embeds
 * the fontkit object made from the very same file, so glyph ids agree.
 */
export interface LoadedFont {
  readonly face: FontFace;
  readonly unitsPerEm: number;
  /** Ascender and descender in font units (descender is negative). */
  readonly ascent: number;
  readonly descent: number;
  /** The font's metrics, names and tables for PDFKit; a TrueType font's outlines are HarfBuzz's or the file's only (font-bytes.ts). */
  readonly fontkit: fontkit.Font;
  readonly hbFont: hb.Font;
  /** A large `glyf` table left in the file (font-bytes.ts): HarfBuzz's face then holds none of the outlines. */
  readonly outlines?: GlyphOutlines;
  /** A glyph that draws nothing and does not advance (for U+200B and the like), if the font has one. */
  readonly invisible: number | undefined;
  has(codePoint: number): boolean;
}

/**
 * The parsed font of each file, once per process (the font-file registry),
 * keyed by the file's absolute path, size and modification time: a relative
 * --font names the file in the folder it was given in, and a font file edited
 * between two sessions is read again.
 */
const loaded = new Map<string, LoadedFont>();

function fileKey(file: string): string {
  const path = resolve(file);
  const stats = statSync(path);
  return `${path}\u0000${stats.size}\u0000${stats.mtimeMs}`;
}
/** Each face's own LoadedFont: the file's parsed font, carrying the face it was asked for. */
const byFace = new WeakMap<FontFace, LoadedFont>();

/**
 * The font of a face. The file is parsed once per process; the LoadedFont
 * carries the very face it was asked for, so a session whose faces are its
 * own (a user's --font, read again by each session) never sees another
 * session's face (its family, scripts or index) through a shared file.
 */
export function loadFont(face: FontFace): LoadedFont {
  const own = byFace.get(face);
  if (own) return own;
  const key = fileKey(face.file);
  const parsed = loaded.get(key) ?? parse(face, key);
  const font = parsed.face === face ? parsed : { ...parsed, face };
  byFace.set(face, font);
  return font;
}

function parse(face: FontFace, key: string): LoadedFont {
  const { blob, fontkitBytes, outlines } = fontBytes(face.file);
  const hbFace = new hb.Face(blob);
  const hbFont = new hb.Font(hbFace);
  // A copy: harfbuzzjs gives a view of its WebAssembly memory, which growing that memory detaches.
  const has = codePointTest(hbFace.collectUnicodes().slice());
  const fkFont = withLazyLoca(withLazyPostTable(fontkit.create(fontkitBytes), fontkitBytes), fontkitBytes);
  const font: LoadedFont = {
    face,
    unitsPerEm: hbFace.upem,
    ascent: fkFont.ascent,
    descent: fkFont.descent,
    fontkit: fkFont,
    hbFont,
    ...(outlines ? { outlines } : {}),
    invisible: [0x200b, 0x200c, 0x200d, 0xfeff]
      .map((codePoint) => hbFont.nominalGlyph(codePoint))
      .find((glyph) => glyph !== undefined && hbFont.glyphHAdvance(glyph) === 0),
    has,
  };
  loaded.set(key, font);
  return font;
}

/**
 * Whether the font maps a code point, from HarfBuzz's sorted list of the
 * font's code points: each code point asked about is looked up once (a
 * binary search) and its answer kept in a bit set. A Set of a CJK face's
 * 30,000 code points took ~6 ms to build at start, and a bit set of all of
 * them ~1.5 ms in the interpreter (measured 2026-12-02/03); a notice asks
 * about a few hundred.
 */
function codePointTest(codePoints: Uint32Array): (codePoint: number) => boolean {
  const highest = codePoints.length === 0 ? -1 : codePoints[codePoints.length - 1]!;
  const words = highest < 0 ? 0 : (highest >>> 5) + 1;
  const known = new Uint32Array(words);
  const mapped = new Uint32Array(words);
  return (codePoint) => {
    if (!(codePoint >= 0 && codePoint <= highest)) return false;
    const word = codePoint >>> 5;
    const bit = 1 << (codePoint & 31);
    if ((known[word]! & bit) === 0) {
      known[word]! |= bit;
      if (sortedHas(codePoints, codePoint)) mapped[word]! |= bit;
    }
    return (mapped[word]! & bit) !== 0;
  };
}

function sortedHas(values: Uint32Array, value: number): boolean {
  let low = 0;
  let high = values.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = values[middle]!;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
