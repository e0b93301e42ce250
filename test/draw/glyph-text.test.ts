import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { glyphRunOperators, needsActualText } from '../../src/draw/glyph-text.js';
import { PdfFonts } from '../../src/draw/pdf-fonts.js';
import { bundledFaces } from '../../src/fonts/bundled-fonts.js';
import { loadFont, type LoadedFont } from '../../src/fonts/loaded-font.js';
import type { GlyphRunItem } from '../../src/layout/items.js';
import { shape } from '../../src/text/shape.js';

const font = (family: string): LoadedFont => loadFont(bundledFaces().find((face) => face.family === family && face.weight === 400)!);

function fonts(): PdfFonts {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  doc.addPage();
  return new PdfFonts(doc as never);
}

function run(family: string, text: string, rtl = false): GlyphRunItem {
  const used = font(family);
  return {
    type: 'glyphs',
    face: used.face,
    size: 12,
    x: 10,
    y: 20,
    glyphs: shape(used, text, rtl ? 'rtl' : 'ltr', 'und').glyphs,
    text,
    rtl,
    color: '#000',
  };
}

const hexText = (text: string) =>
  `<FEFF${[...text].map((char) => char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('')}>`;

describe('glyphRunOperators', () => {
  it('shows a Latin run as one text object with no ActualText', () => {
    const ops = glyphRunOperators(run('Noto Sans', 'Tacos'), fonts());
    expect(ops[0]).toBe('BT');
    expect(ops.at(-1)).toBe('ET');
    expect(ops.filter((op) => op === 'BT')).toHaveLength(1);
    expect(ops.join('\n')).not.toContain('ActualText');
    expect(ops).toContain('1 0 0 -1 10 20 Tm');
  });

  it('gives a right-to-left run its text reversed in ActualText, for poppler', () => {
    const arabic = run('Noto Sans Arabic', 'بيت', true);
    expect(needsActualText(arabic)).toBe(true);
    expect(glyphRunOperators(arabic, fonts()).join('\n')).toContain(`/ActualText ${hexText('تيب')}`);
  });

  it('marks the end of an Arabic sentence so that MuPDF and PDFium keep its full stop and mark in place', () => {
    // Drawn first, the full stop gets an Arabic letter mark before it; the tanwin drawn after it hands
    // its character to an invisible glyph behind another letter mark. ActualText is the ToUnicode text.
    const ops = glyphRunOperators(run('Noto Sans Arabic', 'قاضٍ.', true), fonts()).join('\n');
    expect(ops).toContain(`/ActualText ${hexText('\u061c.\u061c\u064dضاق')}`);
    // The tanwin glyph itself is drawn with the glyphs that carry no characters, where it was.
    expect(ops).toMatch(/ActualText <FEFF>>> BDC\n(1 0 0 -1 [\d.]+ [\d.]+ Tm\n<[0-9a-f]{4}> Tj\n)+EMC/);
  });

  it('draws the glyphs that carry no characters in a second text object with an empty ActualText', () => {
    // Noto Sans Arabic draws the dots of ب and ن as separate glyphs that carry no characters.
    const ops = glyphRunOperators(run('Noto Sans Arabic', 'بنت', true), fonts());
    expect(ops.filter((op) => op === 'BT')).toHaveLength(2);
    expect(ops.join('\n')).toContain('/ActualText <FEFF>');
  });

  it('moves non-spacing marks off advancing glyphs onto invisible carriers, in logical order', () => {
    // In ব্যক্তিগত the conjunct glyph for ক্তি would carry a virama, which pdf.js takes for a zero-width mark.
    const bengali = run('Noto Sans Bengali', 'ব্যক্তিগত');
    const invisible = font('Noto Sans Bengali').invisible!;
    // What each CID stands for, as PdfFonts is asked for it (once per entry), then the glyphs in the order the line shows them.
    const byHex = new Map<string, { id: number; text: string }>();
    const recording = fonts();
    const encode = recording.encode.bind(recording);
    recording.encode = (used, glyph, rtl) => {
      const encoded = encode(used, glyph, rtl);
      byHex.set(encoded.hex, { id: glyph.id, text: glyph.text });
      return encoded;
    };
    const shownHex = glyphRunOperators(bengali, recording)
      .filter((op) => op.endsWith(' TJ'))
      .flatMap((op) => [...op.matchAll(/<([0-9a-f]+)>/g)].flatMap((match) => match[1]!.match(/.{4}/g)!));
    const encoded = shownHex.map((hex) => byHex.get(hex)!);
    const carried = encoded.filter((glyph) => glyph.id === invisible);
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.every((glyph) => /^\p{Mn}+$/u.test(glyph.text) || !/\p{Mn}/u.test(glyph.text))).toBe(true);
    const advancing = encoded.filter((glyph) => glyph.id !== invisible && glyph.text !== '');
    expect(advancing.every((glyph) => !/\p{Mn}/u.test(glyph.text))).toBe(true);
    expect(encoded.map((glyph) => glyph.text).join('')).toBe('ব্যক্তিগত');
  });

  it('keeps marks that carry characters in the line, drawn as raised copies inside the font, with no Ts', () => {
    // The vowel marks of مَخْبَز each carry their own character and sit above the letters.
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    doc.addPage();
    const pdf = new PdfFonts(doc as never);
    const marked = run('Noto Sans Arabic', 'مَخْبَز', true);
    const raised = marked.glyphs.filter((glyph) => glyph.yOffset !== 0 && glyph.text !== '');
    expect(raised.length).toBeGreaterThan(0);
    const ops = glyphRunOperators(marked, pdf);
    // Every glyph stays on the run's baseline in the content stream: no text rise.
    expect(ops.filter((op) => op.endsWith(' Ts'))).toEqual([]);
    // The subset holds each raised mark as a one-component composite lifted by its offset.
    const subset = (doc as unknown as { _font: { subset: { glyphs: number[]; encode(): Uint8Array } } })._font.subset;
    const file = fontkit.create(Buffer.from(subset.encode())) as unknown as {
      getGlyph(id: number): { _decode(): { numberOfContours: number; components?: { dy: number }[] } | null };
    };
    const lifts = subset.glyphs.flatMap((_, cid) => {
      const decoded = file.getGlyph(cid)._decode();
      return decoded && decoded.numberOfContours < 0 ? (decoded.components ?? []).map((component) => component.dy) : [];
    });
    expect(lifts.sort()).toEqual(expect.arrayContaining(raised.map((glyph) => glyph.yOffset).sort()));
  });
});

describe('PdfFonts', () => {
  it('gives one glyph a CID per text it stands for, and reuses CIDs', () => {
    const pdf = fonts();
    const arabic = font('Noto Sans Arabic');
    const a = pdf.encode(arabic, { id: 50, xAdvance: 500, xOffset: 0, yOffset: 0, text: 'ب' }, false);
    const b = pdf.encode(arabic, { id: 50, xAdvance: 500, xOffset: 0, yOffset: 0, text: 'ن' }, false);
    const again = pdf.encode(arabic, { id: 50, xAdvance: 500, xOffset: 0, yOffset: 0, text: 'ب' }, false);
    expect(a.hex).not.toBe(b.hex);
    expect(again.hex).toBe(a.hex);
    expect(a.width).toBe(b.width);
  });

  it('gives a glyph its shaped advance as its width, and a CID per advance', () => {
    const pdf = fonts();
    const latin = font('Noto Sans');
    const plain = pdf.encode(latin, { id: 36, xAdvance: 600, xOffset: 0, yOffset: 0, text: 'A' }, false);
    const kerned = pdf.encode(latin, { id: 36, xAdvance: 560, xOffset: 0, yOffset: 0, text: 'A' }, false);
    expect(plain.width).toBe(600);
    expect(kerned.width).toBe(560);
    expect(kerned.hex).not.toBe(plain.hex);
  });
});
