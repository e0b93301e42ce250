import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';

import { bundledFaces } from '../../src/fonts/bundled-fonts.js';
import { fontSet } from '../../src/fonts/font-set.js';
import { loadFont } from '../../src/fonts/loaded-font.js';
import { DISPLAY_SCALE, OPTICAL_SCALE } from '../../src/fonts/optical-scale.js';
import { layoutParagraph } from '../../src/text/paragraph.js';
import { shape } from '../../src/text/shape.js';
import { DRAWN_AT } from '../../scripts/measure-sign.js';

/** fontkit's glyph bounds, which placard's own fontkit types leave out. */
interface GlyphBounds {
  getGlyph(id: number): { bbox: { minY: number; maxY: number } };
}

/**
 * Ink top and bottom (em) of `text` shaped by HarfBuzz in a bundled face, from fontkit glyph bounds: fontkit
 * reads the file itself, for a loaded font's fontkit has no outlines (src/fonts/font-bytes.ts).
 */
function ink(family: string, text: string, direction: 'ltr' | 'rtl' = 'ltr', weight = 400): { top: number; height: number } {
  const font = loadFont(bundledFaces().find((face) => face.family === family && face.weight === weight)!);
  const outlines = fontkit.create(readFileSync(font.face.file)) as unknown as GlyphBounds;
  let top = -Infinity;
  let bottom = Infinity;
  for (const glyph of shape(font, text, direction, 'und').glyphs) {
    const box = outlines.getGlyph(glyph.id).bbox;
    if (!Number.isFinite(box.maxY) || box.maxY === box.minY) continue;
    top = Math.max(top, box.maxY + glyph.yOffset);
    bottom = Math.min(bottom, box.minY + glyph.yOffset);
  }
  return { top: top / font.unitsPerEm, height: (top - bottom) / font.unitsPerEm };
}
const average = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('optical factors, measured again from the fonts', () => {
  const xHeight = ink('Noto Sans', 'x').top;
  const capHeight = ink('Noto Sans', 'H').top;

  it('has the Latin reference heights the table names', () => {
    expect(xHeight).toBeCloseTo(0.536, 3);
    expect(capHeight).toBeCloseTo(0.714, 3);
  });

  it('draws Nastaliq at 1.3 and Naskh at 1.06: the x-height against the bowl of heh', () => {
    const nastaliq = average(['ه', 'ہ'].map((letter) => ink('Noto Nastaliq Urdu', letter, 'rtl').top));
    const naskh = ink('Noto Sans Arabic', 'ه', 'rtl').top;
    expect(xHeight / nastaliq).toBeCloseTo(OPTICAL_SCALE.Nastaliq, 1);
    expect(xHeight / naskh).toBeCloseTo(OPTICAL_SCALE.Arabic, 1);
  });

  it('keeps Myanmar, Indic, Ethiopic, Han and Hangul at their size: their bodies are no smaller than Latin', () => {
    expect(ink('Noto Sans Myanmar', 'ကဝမ').top / ink('Noto Sans', 'on').top).toBeGreaterThanOrEqual(0.99);
    for (const [family, letters] of [
      ['Noto Sans Devanagari', 'कमन'],
      ['Noto Sans Bengali', 'কমন'],
      ['Noto Sans Gurmukhi', 'ਕਮਨ'],
    ] as const) {
      expect(ink(family, letters).top / xHeight).toBeGreaterThan(1);
    }
    expect(ink('Noto Sans Ethiopic', 'ለነ').top / capHeight).toBeGreaterThanOrEqual(0.99);
    expect(ink('Noto Sans SC', '国').height / capHeight).toBeGreaterThan(1);
    expect(ink('Noto Sans KR', '한').height / capHeight).toBeGreaterThan(1);
    for (const script of ['Myanmar', 'Devanagari', 'Bengali', 'Gurmukhi', 'Ethiopic', 'Han', 'Hangul'] as const) {
      expect(OPTICAL_SCALE[script]).toBe(1);
    }
  });

  it('draws Nastaliq headings at 1.19: bold bowls matched to bold Arabic at 1.06', () => {
    const nastaliq = average(['ه', 'ہ'].map((letter) => ink('Noto Nastaliq Urdu', letter, 'rtl', 700).top));
    const naskh = ink('Noto Sans Arabic', 'ه', 'rtl', 700).top;
    expect((OPTICAL_SCALE.Arabic * naskh) / nastaliq).toBeCloseTo(DISPLAY_SCALE.Nastaliq!, 2);
  });

  it('agrees with the factors the sign measurement brings sizes back by (scripts/measure-sign.js)', () => {
    expect(DRAWN_AT.optical).toEqual({ Arabic: OPTICAL_SCALE.Arabic, Nastaliq: OPTICAL_SCALE.Nastaliq });
    expect(DRAWN_AT.display).toEqual({
      Arabic: OPTICAL_SCALE.Arabic,
      Nastaliq: DISPLAY_SCALE.Nastaliq,
      Han: DISPLAY_SCALE.Han,
      Hangul: DISPLAY_SCALE.Hangul,
    });
  });

  it('brings emoji to the cap height', () => {
    expect(capHeight / ink('Noto Emoji', '🍞').top).toBeCloseTo(OPTICAL_SCALE.Emoji, 2);
  });
});

describe('optical factors in layout', () => {
  const style = { size: 10, leading: 1.3, align: 'start', direction: 'rtl', lang: 'ur' } as const;

  it('draws Urdu at 1.3 × the size and a Latin name in it at the size, with a Latin space beside it', () => {
    const runs = layoutParagraph(
      [
        { text: 'براہ کرم ', bold: false },
        { text: 'Cabdi Maxamed', bold: false, isolate: true },
        { text: ' سے ملیں', bold: false },
      ],
      style,
      1000,
      fontSet().chain('ur'),
    ).lines.flat();
    const urdu = runs.find((run) => run.text.includes('براہ'))!;
    const latin = runs.find((run) => run.text.includes('Cabdi'))!;
    expect(urdu.size).toBeCloseTo(13, 6);
    expect(latin.size).toBe(10);
    const spaces = runs.filter((run) => run.text === ' ' || run.text.startsWith(' ') || run.text.endsWith(' '));
    for (const run of spaces.filter((found) => found.font.face.family === 'Noto Sans')) expect(run.size).toBe(10);
    expect(spaces.some((run) => run.font.face.family === 'Noto Sans')).toBe(true);
  });

  it('is off when the caller asks', () => {
    const runs = layoutParagraph(
      [{ text: 'براہ کرم', bold: false }],
      { ...style, optical: false },
      1000,
      fontSet().chain('ur'),
    ).lines.flat();
    expect(runs[0]!.size).toBe(10);
  });
});
