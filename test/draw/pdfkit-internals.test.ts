import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { drawPdf, openDocument, type DocumentInfo } from '../../src/draw/draw-pdf.js';
import { PdfFonts } from '../../src/draw/pdf-fonts.js';
import {
  collectPageContent,
  embedFont,
  embedWithStreams,
  MissingInternalError,
  LAYOUT_ARTIFACT,
  pageDictionary,
  StructureMarks,
  useOnPage,
} from '../../src/draw/pdfkit-internals.js';
import { encodeSubset } from '../../src/draw/truetype-subset.js';
import { bundledFaces } from '../../src/fonts/bundled-fonts.js';
import { loadFont } from '../../src/fonts/loaded-font.js';
import type { LaidPage } from '../../src/layout/items.js';
import { shape } from '../../src/text/shape.js';
import { thrown } from '../helpers/thrown.js';

const face = (family: string) => bundledFaces().find((candidate) => candidate.family === family && candidate.weight === 400)!;

function newDocument(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  doc.addPage();
  return doc;
}

/** One page holding one glyph run of `text`. */
function pageOf(family: string, text: string): LaidPage {
  const font = loadFont(face(family));
  const glyphs = shape(font, text, 'ltr', 'und').glyphs;
  const run = { type: 'glyphs' as const, face: font.face, size: 12, x: 10, y: 20, glyphs, text, rtl: false, color: '#000' };
  return { width: 200, height: 100, nodes: [{ role: 'P', items: [run], children: [] }] };
}

describe('embedFont, against the real PDFKit and fontkit objects', () => {
  it('takes the fast TrueType subset path: the subset file is truetype-subset.ts’s', () => {
    const font = loadFont(face('Noto Sans'));
    const embedded = embedFont(newDocument(), font);
    expect(embedded.fastSubset).toBe(true);
    const { subset } = embedded.pdf;
    for (const gid of shape(font, 'Tacos', 'ltr', 'und').glyphs.map((glyph) => glyph.id)) subset.includeGlyph(gid);
    expect(Buffer.from(subset.encode()).equals(Buffer.from(encodeSubset(subset, font)))).toBe(true);
  });

  it('never calls fontkit’s own subsetter while drawing a PDF', async () => {
    const probe = embedFont(newDocument(), loadFont(face('Noto Sans'))).pdf.subset;
    const fontkitEncode = vi.spyOn(Object.getPrototypeOf(probe) as { encode(): Uint8Array }, 'encode');
    try {
      const pdf = await drawPdf([pageOf('Noto Sans', 'Tacos'), pageOf('Noto Sans Arabic', 'مخبز')], {
        title: 't',
        lang: 'en',
        date: new Date(0),
        producer: 'test',
      });
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(fontkitEncode).not.toHaveBeenCalled();
    } finally {
      fontkitEncode.mockRestore();
    }
  });

  it('gives PDFKit’s embedded font the fields placard fills in', () => {
    const doc = newDocument();
    const { pdf } = embedFont(doc, loadFont(face('Noto Sans SC')));
    expect(pdf.id).toMatch(/^F\d+$/);
    expect(Array.isArray(pdf.widths) && Array.isArray(pdf.unicode) && Array.isArray(pdf.subset.glyphs)).toBe(true);
    useOnPage(doc, pdf);
    expect(pageDictionary(doc)).toHaveProperty('Resources');
  });

  it('throws, naming the part, when PDFKit lacks one (no silent fallback)', () => {
    const font = loadFont(face('Noto Sans'));
    const noFont = { registerFont: () => undefined, font: () => undefined, _font: undefined } as unknown as PDFKit.PDFDocument;
    expect(thrown(MissingInternalError, () => embedFont(noFont, font)).message).toContain('doc._font');
    const subset = { glyphs: [], mapping: {}, encode: () => new Uint8Array() };
    const noInclude = {
      registerFont: () => undefined,
      font: () => undefined,
      _font: { id: 'F1', subset, widths: [], unicode: [], ref: () => ({}) },
    } as unknown as PDFKit.PDFDocument;
    expect(thrown(MissingInternalError, () => embedFont(noInclude, font)).message).toContain('includeGlyph()');
    expect(thrown(MissingInternalError, () => pageDictionary({} as PDFKit.PDFDocument)).message).toContain('doc.page');
  });
});

describe('inMemoryDocument (drawPdf), against PDFKit’s own streamed output', () => {
  it('writes the same bytes as the streamed document of the same pages', async () => {
    const info: DocumentInfo = { title: 'Tacos · مخبز', lang: 'en', date: new Date(0), producer: 'test' };
    const pages = [
      { ...pageOf('Noto Sans', 'Tacos'), bookmark: 'Tacos' },
      { width: 200, height: 100, nodes: [] },
      pageOf('Noto Sans Arabic', 'مخبز'),
    ];
    const writer = openDocument(info, {});
    const chunks: Buffer[] = [];
    writer.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const streamed = new Promise<Buffer>((resolve) => writer.doc.on('end', () => resolve(Buffer.concat(chunks))));
    writer.addPages(pages);
    writer.end();
    const inMemory = await drawPdf(pages, info);
    expect(Buffer.from(inMemory).equals(await streamed)).toBe(true);
    // A plain Uint8Array that owns its memory, so a worker can transfer it.
    expect(Object.getPrototypeOf(inMemory)).toBe(Uint8Array.prototype);
    expect(inMemory.byteOffset === 0 && inMemory.buffer.byteLength === inMemory.length).toBe(true);
  });
});

describe('embedWithStreams, against PDFKit’s own embed()', () => {
  const draw = (own: boolean): Promise<Buffer> => {
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const bytes = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.addPage({ size: [200, 100], margin: 0 });
    const fonts = new PdfFonts(doc);
    for (const [family, text, rtl] of [
      ['Noto Sans', 'Tacos 𝐀', false],
      ['Noto Sans Arabic', 'مخبز', true],
    ] as const) {
      const font = loadFont(face(family));
      doc.addContent(`BT /${fonts.select(font)} 12 Tf`);
      for (const glyph of shape(font, text, rtl ? 'rtl' : 'ltr', 'und').glyphs)
        doc.addContent(`<${fonts.encode(font, glyph, rtl).hex}> Tj`);
      doc.addContent('ET');
      if (!own) embedWithStreams(doc, embedFont(doc, font).pdf, font, (make) => make());
    }
    doc.end();
    return bytes;
  };

  it('writes the same font objects, compressed once', async () => {
    expect((await draw(false)).equals(await draw(true))).toBe(true);
  });
});

describe('collectPageContent, against PDFKit writing each operator itself', () => {
  const streamed = (doc: PDFKit.PDFDocument): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  };
  const draw = (collect: boolean): Promise<Buffer> => {
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string, info: { CreationDate: new Date(0) } });
    const bytes = streamed(doc);
    for (const size of [200, 300]) {
      doc.addPage({ size: [size, size], margin: 0 });
      if (collect) collectPageContent(doc, { level: 6 });
      doc.save().rect(10, 10, 50, 50).fill('#ff0000').restore();
      doc.addContent('BT\n/Span <</ActualText <FEFF0041>>> BDC\nEMC\nET');
      doc.markContent('Artifact');
    }
    doc.end();
    return bytes;
  };

  it('gives the same file, unclosed marked content and all', async () => {
    expect((await draw(true)).equals(await draw(false))).toBe(true);
  });
});

describe('StructureMarks, against PDFKit’s markStructureContent and markContent', () => {
  interface Tagging {
    struct(role: string): { add(child: object): unknown; end(): void };
    addStructure(element: object): void;
    markStructureContent(tag: string, options?: { actual?: string }): object;
    markContent(tag: string, options?: Record<string, unknown>): void;
    endMarkedContent(): void;
  }
  const draw = (own: boolean): Promise<Buffer> => {
    const doc = new PDFDocument({
      autoFirstPage: false,
      font: null as unknown as string,
      tagged: true,
      info: { CreationDate: new Date(0) },
    });
    const tagging = doc as unknown as Tagging;
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const bytes = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    const marks = new StructureMarks(doc);
    const root = tagging.struct('Document');
    tagging.addStructure(root);
    for (const size of [200, 300]) {
      doc.addPage({ size: [size, size], margin: 0 });
      for (const [tag, actual] of [
        ['Span', undefined],
        ['Span', 'مخبز (a)\\'],
        ['Figure', undefined],
        ['Span', ''],
        ['Span', 'Tacos'],
      ] as const) {
        const element = tagging.struct('P');
        root.add(element);
        if (own) {
          const content = tagging.markStructureContent(tag, actual === undefined ? {} : { actual });
          doc.addContent('BT ET');
          tagging.endMarkedContent();
          element.add(content);
          tagging.markContent('Artifact', { type: 'Layout' });
          tagging.endMarkedContent();
        } else {
          const mark = marks.open(tag, actual);
          doc.addContent(`${mark.operator}\nBT ET\nEMC\n${LAYOUT_ARTIFACT}\nEMC`);
          element.add(mark.content);
        }
        element.end();
      }
    }
    root.end();
    doc.end();
    return bytes;
  };

  it('writes the same file: MCIDs, ActualText, parent tree and all', async () => {
    expect((await draw(false)).equals(await draw(true))).toBe(true);
  });
});
