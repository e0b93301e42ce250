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
  const unicodes = codePointBits(hbFace.collectUnicodes());
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
    has: (codePoint) => codePoint >= 0 && ((unicodes[codePoint >>> 5] ?? 0) & (1 << (codePoint & 31))) !== 0,
  };
  loaded.set(key, font);
  return font;
}

/**
 * The font's code points as a bit set: one bit per code point up to the
 * highest it maps. A Set of a CJK face's 30,000 code points took ~6 ms to
 * build at start (measured 2026-12-02); this takes a fraction of one.
 * HarfBuzz lists the code points in increasing order: the last is the highest.
 */
function codePointBits(codePoints: Uint32Array): Uint32Array {
  const highest = codePoints.length === 0 ? -1 : codePoints[codePoints.length - 1]!;
  const bits = new Uint32Array(highest < 0 ? 0 : (highest >>> 5) + 1);
  // An index, not for…of: a render runs this in the interpreter, where the iterator took 2.5 times as long.
  for (let i = 0; i < codePoints.length; i++) bits[codePoints[i]! >>> 5]! |= 1 << (codePoints[i]! & 31);
  return bits;
}
