import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { PdfFonts } from '../../src/draw/pdf-fonts.js';
import { embedFont } from '../../src/draw/pdfkit-internals.js';
import { bundledFaces } from '../../src/fonts/bundled-fonts.js';
import { loadFont, type LoadedFont } from '../../src/fonts/loaded-font.js';
import { shape, type ShapedGlyph } from '../../src/text/shape.js';

const font = (family: string): LoadedFont => loadFont(bundledFaces().find((face) => face.family === family && face.weight === 400)!);

function setUp(): { doc: PDFKit.PDFDocument; fonts: PdfFonts } {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  doc.addPage();
  return { doc, fonts: new PdfFonts(doc) };
}

/** The text PDFKit will write in the ToUnicode map for a CID (PDFKit's own embedded-font object). */
function unicodeOf(doc: PDFKit.PDFDocument, used: LoadedFont, hex: string): string {
  return String.fromCodePoint(...embedFont(doc, used).pdf.unicode[parseInt(hex, 16)]!);
}

const glyphOf = (used: LoadedFont, char: string): ShapedGlyph => shape(used, char, 'ltr', 'und').glyphs[0]!;

describe('PdfFonts', () => {
  it('adds the font to the page’s resources under the name it returns', () => {
    const { doc, fonts } = setUp();
    const name = fonts.select(font('Noto Sans'));
    expect(name).toMatch(/^F\d+$/);
    expect(fonts.select(font('Noto Sans'))).toBe(name);
    expect(fonts.select(font('Noto Sans Arabic'))).not.toBe(name);
    expect(Object.keys((doc as unknown as { page: { fonts: object } }).page.fonts)).toHaveLength(2);
  });

  it('gives a face copied from another thread the same CIDs in the same subset (a combined file’s pages come from workers)', () => {
    const { doc, fonts } = setUp();
    const sans = font('Noto Sans');
    const copy = loadFont(structuredClone(sans.face));
    expect(copy).not.toBe(sans);
    const a = glyphOf(sans, 'a');
    const first = fonts.encode(sans, a, false);
    const glyphs = embedFont(doc, sans).pdf.subset.glyphs.length;
    expect(fonts.encode(copy, a, false)).toEqual(first);
    expect(fonts.select(copy)).toBe(fonts.select(sans));
    expect(embedFont(doc, sans).pdf.subset.glyphs.length).toBe(glyphs);
  });

  it('with canonical CIDs, gives them in glyph order once drawing ends, an entry drawn again under one key the CID of the first', () => {
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    doc.addPage();
    const fonts = new PdfFonts(doc, {});
    const sans = font('Noto Sans');
    const a = glyphOf(sans, 'a');
    const b = glyphOf(sans, 'b');
    const first = fonts.encode(sans, b, false);
    const other = fonts.encode(sans, a, false);
    const kerned = fonts.encode(sans, { ...b, xAdvance: b.xAdvance - 20 }, false);
    // As a glyph run drawn after the session's registry of entries started again asks for it.
    const again = fonts.encode(sans, b, false);
    expect([first, other, kerned, again].map((encoded) => encoded.cid)).toEqual([-1, -1, -1, -1]);
    fonts.assignCids();
    expect(again.cid).toBe(first.cid);
    expect(new Set([first.cid, other.cid, kerned.cid]).size).toBe(3);
    const byGlyph = a.id < b.id ? [other, kerned, first] : [kerned, first, other];
    expect(byGlyph.map((encoded) => encoded.cid)).toEqual([1, 2, 3]);
  });

  it('gives one CID per glyph, advance and text, with its width in thousandths of an em', () => {
    const { doc, fonts } = setUp();
    const sans = font('Noto Sans');
    const a = glyphOf(sans, 'a');
    const first = fonts.encode(sans, a, false);
    expect(fonts.encode(sans, a, false)).toEqual(first);
    expect(first.hex).toMatch(/^[0-9a-f]{4}$/);
    expect(first.width).toBeCloseTo((a.xAdvance * 1000) / sans.unitsPerEm, 6);
    expect(unicodeOf(doc, sans, first.hex)).toBe('a');
    const kerned = fonts.encode(sans, { ...a, xAdvance: a.xAdvance - 20 }, false);
    expect(kerned.hex).not.toBe(first.hex);
    expect(kerned.width).toBeLessThan(first.width);
  });

  it('gives a glyph shared by two letters a CID per letter, so each extracts as itself', () => {
    const { doc, fonts } = setUp();
    const arabic = font('Noto Sans Arabic');
    const skeleton = glyphOf(arabic, 'ب');
    const asBeh = fonts.encode(arabic, { ...skeleton, text: 'ب' }, true);
    const asNoon = fonts.encode(arabic, { ...skeleton, text: 'ن' }, true);
    expect(asBeh.hex).not.toBe(asNoon.hex);
    expect([unicodeOf(doc, arabic, asBeh.hex), unicodeOf(doc, arabic, asNoon.hex)]).toEqual(['ب', 'ن']);
  });

  it('stores a right-to-left cluster’s characters reversed, and maps a glyph that carries none to U+200B', () => {
    const { doc, fonts } = setUp();
    const arabic = font('Noto Sans Arabic');
    const lam = glyphOf(arabic, 'ل');
    expect(unicodeOf(doc, arabic, fonts.encode(arabic, { ...lam, text: 'لا' }, true).hex)).toBe('ال');
    expect(unicodeOf(doc, arabic, fonts.encode(arabic, { ...lam, text: 'لا' }, false).hex)).toBe('لا');
    expect(unicodeOf(doc, arabic, fonts.encode(arabic, { ...lam, text: '' }, true).hex)).toBe('\u200b');
  });
});
