import { describe, expect, it } from 'vitest';

import { drawnText, markRightToLeft, oneStillGlyphInARow, type Shown } from '../../src/draw/reader-text.js';

const INVISIBLE = 3;
const ALM = '\u061c';

const glyph = (id: number, text: string, xAdvance = 500): Shown => ({ glyph: { id, xAdvance, xOffset: 0, yOffset: 0, text } });
const texts = (shown: readonly Shown[]): string[] => shown.map((at) => at.glyph.text);
const carrier = (at: Shown, text: string): Shown => ({ glyph: { ...at.glyph, id: INVISIBLE, xAdvance: 0, text } });

describe('oneStillGlyphInARow', () => {
  it('puts the characters of marks in a row on the first of them, so pdfminer sees one zero-width character', () => {
    // ਗ਼ੈ: the nukta and the vowel sign are both glyphs that do not advance.
    const shown = oneStillGlyphInARow([glyph(10, 'ਗ'), glyph(11, '\u0a3c', 0), glyph(12, '\u0a48', 0), glyph(13, 'ਰ')], false, INVISIBLE);
    expect(texts(shown)).toEqual(['ਗ', '\u0a3c\u0a48', '', 'ਰ']);
    expect(shown[2]).toMatchObject({ handedOn: true, glyph: { id: 12 } });
  });

  it('drops invisible carriers that follow another zero-width glyph, and keeps right-to-left text in drawing order', () => {
    const shown = oneStillGlyphInARow([glyph(20, '\u064e', 0), glyph(INVISIBLE, '\u0651', 0), glyph(21, 'ب')], true, INVISIBLE);
    expect(shown.map((at) => at.glyph.id)).toEqual([20, 21]);
    expect(drawnText(shown[0]!.glyph, true)).toBe('\u064e\u0651');
  });
});

describe('markRightToLeft', () => {
  it('puts an Arabic letter mark before a full stop drawn first, for MuPDF', () => {
    const stop = glyph(30, '.');
    const shown = markRightToLeft([stop, glyph(31, 'ب')], carrier);
    expect(texts(shown)).toEqual([ALM, '.', 'ب']);
    expect(shown[0]!.glyph.id).toBe(INVISIBLE);
  });

  it('hands a mark drawn after a full stop to a carrier behind a letter mark, for PDFium', () => {
    const shown = markRightToLeft([glyph(31, 'ض'), glyph(30, '.'), glyph(32, '\u064d', 0), glyph(33, 'ض')], carrier);
    expect(shown.map((at) => drawnText(at.glyph, true))).toEqual(['ض', '.', `${ALM}\u064d`, '', 'ض']);
    expect(shown[3]).toMatchObject({ handedOn: true, glyph: { id: 32 } });
  });

  it('adds no mark where only white space or no letter at all comes first', () => {
    const spaced = [glyph(34, ' '), glyph(31, 'ب')];
    expect(markRightToLeft(spaced, carrier)).toEqual(spaced);
    const bullet = [glyph(35, '•')];
    expect(markRightToLeft(bullet, carrier)).toEqual(bullet);
  });

  it('leaves runs that start with a letter and marks after letters alone', () => {
    const run = [glyph(31, 'ب'), glyph(32, '\u064e', 0), glyph(33, 'ت')];
    expect(markRightToLeft(run, carrier)).toEqual(run);
  });

  it('puts the letter mark on the glyph itself when the font has no invisible glyph', () => {
    expect(texts(markRightToLeft([glyph(30, '.'), glyph(31, 'ب')], undefined))).toEqual([`.${ALM}`, 'ب']);
  });
});
