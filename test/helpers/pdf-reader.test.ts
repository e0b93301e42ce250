/**
 * Self-test for the test-suite's PDF readers: PDFs built here with PDFKit directly (not with
 * placard), read back with pdf.js (pdf-reader.ts) and, when installed, poppler/zbar.
 */
import { createRequire } from 'node:module';

import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';

import { decodeQr, readPdf, renderPage } from './pdf-reader.js';
import { hasTool, parsePdffonts, pdffonts, pdftotext, zbarimg } from './system-tools.js';

const NOTO_SANS = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');
const SHOP_NAME = 'Tacos <El Güero> & Hijos';
const QR_URL = 'https://www.ilrc.org/red-cards';
const LETTER = { width: 612, height: 792 };
const POINTS_PER_MM = 72 / 25.4;

function buildPdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 36, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** Draws `text` as a QR code of filled squares, `sizeMm` wide including a 4-module quiet zone. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, sizeMm: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quietZone = 4;
  const moduleSize = (sizeMm * POINTS_PER_MM) / (modules.size + 2 * quietZone);
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) {
        doc.rect(x + (column + quietZone) * moduleSize, y + (row + quietZone) * moduleSize, moduleSize, moduleSize);
      }
    }
  }
  doc.fill('black');
}

function pixelAt(page: { width: number; data: Uint8ClampedArray }, x: number, y: number): number[] {
  const offset = (y * page.width + x) * 4;
  return Array.from(page.data.subarray(offset, offset + 4));
}

let notice: Uint8Array; // Noto Sans (embedded) + QR in the lower right corner
let helvetica: Uint8Array; // standard Helvetica (not embedded), several lines
let plain: Uint8Array; // no QR code

beforeAll(async () => {
  notice = await buildPdf(
    (doc) => {
      doc.font(NOTO_SANS).fontSize(28).text(SHOP_NAME, 72, 72);
      const size = 30 * POINTS_PER_MM;
      drawQr(doc, QR_URL, LETTER.width - 36 - size, LETTER.height - 36 - size, 30);
    },
    { lang: 'es-MX', info: { Title: 'Aviso' } },
  );
  helvetica = await buildPdf((doc) => {
    doc.font('Helvetica').fontSize(14);
    doc.text('First line of text', 72, 72);
    // Two words drawn separately on one baseline, a space's width apart: must join as a phrase.
    doc.text('Split', 72, 100);
    doc.text('words', 72 + doc.widthOfString('Split '), 100);
    doc.text('Third line', 72, 128);
  });
  plain = await buildPdf((doc) => {
    doc.font(NOTO_SANS).fontSize(12).text('No code on this page.');
  });
});

describe('readPdf', () => {
  it('reads text, page size, metadata and embedded fonts', async () => {
    const facts = await readPdf(notice, { fonts: true });
    expect(facts.pageCount).toBe(1);
    expect(facts.pages).toHaveLength(1);
    expect(facts.pages[0]).toMatchObject(LETTER);
    expect(facts.pages[0]?.lines).toEqual([SHOP_NAME]);
    expect(facts.text).toBe(SHOP_NAME);
    expect(facts.title).toBe('Aviso');
    expect(facts.lang).toBe('es-MX');
    expect(facts.fonts.length).toBeGreaterThan(0);
    expect(facts.fonts).toEqual(facts.fonts.map((font) => ({ ...font, embedded: true })));
    expect(facts.fonts.map((font) => font.name)).toEqual([expect.stringMatching(/\+NotoSans-Regular$/)]);
  });

  it('reports a standard font as not embedded, and keeps lines as lines', async () => {
    const facts = await readPdf(helvetica, { fonts: true });
    expect(facts.fonts).toEqual([{ name: 'Helvetica', embedded: false }]);
    expect(facts.pages[0]?.lines).toEqual(['First line of text', 'Split words', 'Third line']);
    expect(facts.text).toBe('First line of text\nSplit words\nThird line');
    expect(facts.lang).toBeUndefined();
  });

  it('splits lines that overlap horizontally even when their baselines are close', async () => {
    // PDFKit sets the Symbol line only ~0.43em below the Times line (Symbol's small metrics).
    const pdf = await buildPdf((doc) => {
      doc.font('Times-Roman').text('Times line');
      doc.font('Symbol').text('abg');
    });
    const facts = await readPdf(pdf, { fonts: true });
    expect(facts.pages[0]?.lines).toEqual(['Times line', 'αβγ']);
    expect(facts.fonts).toEqual([
      { name: 'Times-Roman', embedded: false },
      { name: 'Symbol', embedded: false },
    ]);
  });

  it('does not detach or modify the caller’s bytes, and takes a Buffer too', async () => {
    const copy = notice.slice();
    await readPdf(notice, { fonts: true });
    expect(notice).toEqual(copy);
    expect((await readPdf(Buffer.from(notice))).text).toBe(SHOP_NAME);
  });

  it('lists fonts only when asked, and says so rather than answering with none', async () => {
    const facts = await readPdf(notice);
    expect(() => facts.fonts).toThrow(/\{ fonts: true \}/);
    expect(Object.keys(facts)).not.toContain('fonts');
  });
});

describe('renderPage', () => {
  it('renders RGBA pixels at the requested resolution on white', async () => {
    const page = await renderPage(notice, 0, 72);
    expect(page).toMatchObject(LETTER);
    expect(page.data).toHaveLength(LETTER.width * LETTER.height * 4);
    expect(pixelAt(page, 0, 0)).toEqual([255, 255, 255, 255]);
    // The centre of the QR code's top-left finder pattern (4 quiet + 3.5 modules in) is black.
    const { size: modules } = QRCode.create(QR_URL, { errorCorrectionLevel: 'M' }).modules;
    const size = 30 * POINTS_PER_MM;
    const finderCentre = 7.5 * (size / (modules + 8));
    const x = Math.floor(LETTER.width - 36 - size + finderCentre);
    const y = Math.floor(LETTER.height - 36 - size + finderCentre);
    expect(pixelAt(page, x, y)).toEqual([0, 0, 0, 255]);
  });

  it('rejects a page index out of range', async () => {
    await expect(renderPage(notice, 1, 72)).rejects.toThrow(RangeError);
  });
});

describe('decodeQr', () => {
  it('finds a 30 mm code in the corner of a Letter page', async () => {
    expect(await decodeQr(notice)).toBe(QR_URL);
  });

  it('returns null when there is no code', async () => {
    expect(await decodeQr(plain)).toBeNull();
  });
});

describe('poppler and zbar', () => {
  it.skipIf(!hasTool('pdftotext'))('pdftotext agrees on the text', () => {
    expect(pdftotext(notice).trim()).toBe(SHOP_NAME);
  });

  it.skipIf(!hasTool('pdffonts'))('pdffonts agrees on embedding', () => {
    expect(pdffonts(notice)).toEqual([{ name: expect.stringMatching(/\+NotoSans-Regular$/), type: 'CID TrueType', emb: true }]);
    expect(pdffonts(helvetica)).toEqual([{ name: 'Helvetica', type: 'Type 1', emb: false }]);
  });

  it.skipIf(!hasTool('pdftoppm') || !hasTool('zbarimg'))('zbarimg reads the code', () => {
    expect(zbarimg(notice)).toBe(QR_URL);
    expect(zbarimg(plain)).toBeNull();
  });

  it('parses pdffonts tables with long names and spaced types', () => {
    const output = [
      'name                                 type              encoding         emb sub uni object ID',
      '------------------------------------ ----------------- ---------------- --- --- --- ---------',
      'ABCDEF+SomeVeryLongFontFamilyName-BoldItalicCondensed TrueType (OT)     WinAnsi          yes yes no      12  0',
      '[none]                               Type 3            Custom           yes no  no       7  0',
      'Helvetica                            Type 1            WinAnsi          no  no  no       8  0',
      '',
    ].join('\n');
    expect(parsePdffonts(output)).toEqual([
      { name: 'ABCDEF+SomeVeryLongFontFamilyName-BoldItalicCondensed', type: 'TrueType (OT)', emb: true },
      { name: '[none]', type: 'Type 3', emb: true },
      { name: 'Helvetica', type: 'Type 1', emb: false },
    ]);
  });
});
