import { describe, expect, it } from 'vitest';
import { drawPdf, openDocument, type DocumentInfo } from '../../src/draw/draw-pdf.js';
import { FontStreamCache } from '../../src/draw/font-stream-cache.js';
import { bundledFaces } from '../../src/fonts/bundled-fonts.js';
import { loadFont } from '../../src/fonts/loaded-font.js';
import type { GlyphRunItem, LaidPage } from '../../src/layout/items.js';
import { qrModules } from '../../src/layout/qr-code.js';
import { shape } from '../../src/text/shape.js';
import { decodeQr, readPdf } from '../helpers/pdf-reader.js';

const INFO: DocumentInfo = {
  title: 'A notice',
  lang: 'es',
  author: 'Rosa',
  subject: 'Doors',
  date: new Date(Date.UTC(2026, 0, 2)),
  producer: 'test',
};

function run(text: string, x: number, y: number): GlyphRunItem {
  const face = bundledFaces().find((candidate) => candidate.family === 'Noto Sans' && candidate.weight === 400)!;
  const glyphs = shape(loadFont(face), text, 'ltr', 'es').glyphs;
  return { type: 'glyphs', face, size: 14, x, y, glyphs, text, rtl: false, color: '#000000' };
}

const URL = 'https://example.org/derechos';

/** A page with a heading, a framed box, a link over the heading and a QR code. */
function page(text: string, extra: Partial<LaidPage> = {}): LaidPage {
  const modules = qrModules(URL);
  const side = modules.size + 8;
  return {
    width: 300,
    height: 400,
    nodes: [
      { role: 'H1', lang: 'es', items: [run(text, 20, 40)], children: [] },
      { role: 'Artifact', items: [{ type: 'rect', x: 10, y: 10, width: 280, height: 380, stroke: '#000000', lineWidth: 2 }], children: [] },
      { role: 'P', items: [{ type: 'link', x: 20, y: 25, width: 200, height: 20, url: URL }], children: [] },
      {
        role: 'Figure',
        alt: URL,
        items: [{ type: 'qr', x: 60, y: 120, size: side * 5, module: 5, modules, fill: '#000000' }],
        children: [],
      },
    ],
    ...extra,
  };
}

/** The embedded font program's compressed bytes, as latin1 text. */
function fontStream(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const ref = /\/FontFile2 (\d+) 0 R/.exec(text)![1];
  return new RegExp(`\\n${ref} 0 obj\\n[^]*?endstream`).exec(text)![0];
}

describe('drawPdf', () => {
  it('replays laid pages: page size, text, metadata and a QR code that scans', async () => {
    const pdf = await drawPdf([page('Área privada'), page('Oficina')], INFO);
    const facts = await readPdf(pdf, { fonts: true });
    expect(facts.pages.map((laid) => [laid.width, laid.height])).toEqual([
      [300, 400],
      [300, 400],
    ]);
    expect(facts.pages.map((laid) => laid.text)).toEqual(['Área privada', 'Oficina']);
    expect(facts.title).toBe('A notice');
    expect(facts.lang).toBe('es');
    expect(facts.fonts.every((font) => font.embedded)).toBe(true);
    expect(await decodeQr(pdf, { dpi: 200 })).toBe(URL);
  });

  it('gives the same bytes for the same pages and info', async () => {
    const [first, second] = [await drawPdf([page('Cocina')], INFO), await drawPdf([page('Cocina')], INFO)];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('gives the same bytes whatever the session’s font streams hold, and whatever order the same glyphs were drawn in', async () => {
    const fresh = async (pages: LaidPage[]) => Buffer.from(await drawPdf(pages, INFO));
    const cache = new FontStreamCache(2);
    const cached = async (pages: LaidPage[]) => Buffer.from(await drawPdf(pages, INFO, cache));
    for (const words of [['Cocina'], ['Oficina'], ['Cocina', 'Oficina'], ['Cocina'], ['Área privada'], ['Oficina'], ['Cocina']]) {
      const pages = words.map((word) => page(word));
      expect((await cached(pages)).equals(await fresh(pages))).toBe(true);
    }
    // The same glyphs on one page, in two orders: one font subset, the same streams.
    const shuffled = (words: string[]) => ({
      ...page(words[0]!),
      nodes: [...page(words[0]!).nodes, { role: 'P' as const, items: [run(words[1]!, 20, 300)], children: [] }],
    });
    const [ab, ba] = [await fresh([shuffled(['Cocina', 'Oficina'])]), await fresh([shuffled(['Oficina', 'Cocina'])])];
    expect(fontStream(ab)).toEqual(fontStream(ba));
  });

  it('gives the same bytes when the session kept the runs from notices before, wherever the same glyphs are drawn again', async () => {
    const arabicFace = bundledFaces().find((candidate) => candidate.family === 'Noto Sans Arabic' && candidate.weight === 400)!;
    // Marks drawn apart (the dots of ب and ن, a tanwin that hands its character on) and ActualText.
    const glyphs = shape(loadFont(arabicFace), 'قاضٍ. بنت', 'rtl', 'ar').glyphs;
    const arabic = (x: number, y: number): GlyphRunItem => ({
      type: 'glyphs',
      face: arabicFace,
      size: 11,
      x,
      y,
      glyphs,
      text: 'قاضٍ. بنت',
      rtl: true,
      color: '#333333',
    });
    const latin = run('Cocina Oficina', 20, 200);
    const pageWith = (...items: GlyphRunItem[]): LaidPage => ({
      ...page('Área privada'),
      nodes: [
        ...page('Área privada').nodes,
        ...items.map((item) => ({ role: 'P' as const, items: [item], children: [] })),
        { role: 'Artifact', items: [latin], children: [] },
      ],
    });
    const notices = [pageWith(arabic(30, 250)), pageWith(latin, arabic(41.5, 270.25)), pageWith(arabic(30, 250), arabic(12.125, 330))];
    const cache = new FontStreamCache();
    for (const pages of [...notices, ...notices.reverse()].map((notice) => [notice])) {
      expect(Buffer.from(await drawPdf(pages, INFO, cache)).equals(Buffer.from(await drawPdf(pages, INFO)))).toBe(true);
    }
  });

  it('writes TrimBox and BleedBox in PDF coordinates when imposition set them', async () => {
    const boxes = { trim: { x: 9, y: 9, width: 282, height: 382 }, bleed: { x: 0, y: 0, width: 300, height: 400 } };
    const text = Buffer.from(await drawPdf([page('Cocina', { boxes })], INFO)).toString('latin1');
    expect(text).toMatch(/\/TrimBox \[9 9 291 391\]/);
    expect(text).toMatch(/\/BleedBox \[0 0 300 400\]/);
  });

  it('nests the bookmarks of pages that start a notice under the entry for the pages added together', async () => {
    const writer = openDocument(INFO);
    const chunks: Buffer[] = [];
    writer.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => writer.doc.on('end', resolve));
    writer.addPages([page('Uno', { bookmark: 'Door notice' }), page('Dos', { bookmark: 'Staff sheet' })], 'Lake Street Tortillería');
    writer.addPages([page('Tres')], 'Second business');
    writer.end();
    await ended;
    const facts = await readPdf(new Uint8Array(Buffer.concat(chunks)));
    expect(facts.outline).toEqual(['Lake Street Tortillería', 'Second business']);
    expect(facts.pageCount).toBe(3);
  });
});
