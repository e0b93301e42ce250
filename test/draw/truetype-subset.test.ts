import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import * as hb from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { encodeSubset, type TtfSubset } from '../../src/draw/truetype-subset.js';
import { bundledFaces } from '../../src/fonts/bundled-fonts.js';
import { loadFont } from '../../src/fonts/loaded-font.js';
import { shape } from '../../src/text/shape.js';

/** A subset like fontkit's: glyph 0 first, then glyphs in the order they are included. */
function subsetOf(gids: readonly number[]): TtfSubset {
  const subset = {
    glyphs: [] as number[],
    mapping: new Map<number, number>(),
    includeGlyph(gid: number): number {
      if (!this.mapping.has(gid)) {
        this.glyphs.push(gid);
        this.mapping.set(gid, this.glyphs.length - 1);
      }
      return this.mapping.get(gid)!;
    },
    encode: () => new Uint8Array(),
  };
  for (const gid of [0, ...gids]) subset.includeGlyph(gid);
  return subset;
}

describe.each([
  ['Noto Sans', 'Tacos <El Güero> & Hijos — Phở Bình Minh'],
  ['Noto Sans Arabic', 'مخبز الأندلس'],
  ['Noto Sans SC', '福满楼饺子馆'],
  ['Noto Sans Myanmar', 'ကြေးမုံ သင်္ဘော'],
])('encodeSubset with %s', (family, text) => {
  const font = loadFont(bundledFaces().find((face) => face.family === family && face.weight === 400)!);
  const gids = [...new Set(shape(font, text, family.includes('Arabic') ? 'rtl' : 'ltr', 'und').glyphs.map((glyph) => glyph.id))];
  const subset = subsetOf(gids);
  const bytes = encodeSubset(subset, font);

  it('writes a font that fontkit reads, with every included glyph', () => {
    const parsed = fontkit.create(bytes) as fontkit.Font & { numGlyphs: number };
    expect(parsed.numGlyphs).toBe(subset.glyphs.length);
  });

  it('keeps each glyph’s outline and advance (read back with HarfBuzz)', () => {
    // The whole file: a CJK face's loaded font gives HarfBuzz none of its outlines (fonts/font-bytes.ts).
    const original = new hb.Font(new hb.Face(new hb.Blob(readFileSync(font.face.file))));
    const copy = new hb.Font(new hb.Face(new hb.Blob(bytes)));
    subset.glyphs.forEach((gid, index) => {
      expect(copy.glyphToPath(index)).toBe(original.glyphToPath(gid));
      expect(copy.glyphHAdvance(index)).toBe(original.glyphHAdvance(gid));
    });
  });

  it('has a valid whole-font checksum', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let sum = 0;
    for (let i = 0; i < bytes.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });
});
