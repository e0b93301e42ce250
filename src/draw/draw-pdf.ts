import PDFDocument from 'pdfkit';
import type { Item, LaidNode, LaidPage, PageBox } from '../layout/items.js';
import { GlyphRuns } from './glyph-text.js';
import type { FontStreamCache } from './font-stream-cache.js';
import { pdfColor, REGISTRATION_SPOT } from './ink.js';
import { PdfFonts } from './pdf-fonts.js';
import {
  collectPageContent,
  inMemoryDocument,
  LAYOUT_ARTIFACT,
  pageDictionary,
  StructureMarks,
  type PageContent,
  type StructContent,
} from './pdfkit-internals.js';
import { qrPathOperators } from './qr-path.js';

export interface DocumentInfo {
  readonly title: string;
  readonly lang: string;
  readonly author?: string;
  readonly subject?: string;
  /** The notice's version line in full (template, languages, draft translations). */
  readonly keywords?: string;
  /** Fixed creation date, so the same input gives the same bytes. */
  readonly date: Date;
  readonly producer: string;
}

interface SpotColors {
  addSpotColor(name: string, c: number, m: number, y: number, k: number): void;
}

/** PDFKit's tagging API, which its type definitions leave out. */
interface StructElement {
  add(child: StructElement | StructContent): StructElement;
  end(): void;
}
interface TaggingDocument {
  struct(role: string, options?: { lang?: string | undefined; alt?: string | undefined }): StructElement;
  addStructure(element: StructElement): void;
  addContent(operators: string): void;
}

/**
 * Replays laid-out pages (one notice, or a packet's notices with their bookmarks) into a tagged PDF. Decides no positions.
 * CIDs follow a canonical order (pdf-fonts.ts), so `fontStreams`, the session's, can hand over fonts compressed before.
 */
export function drawPdf(pages: readonly LaidPage[], info: DocumentInfo, fontStreams?: FontStreamCache): Promise<Uint8Array> {
  const { doc, output } = inMemoryDocument(documentOptions(info));
  const writer = writerOf(doc, { ...(fontStreams ? { cache: fontStreams } : {}) });
  writer.addPages(pages);
  writer.end();
  return Promise.resolve(output());
}

/**
 * An open tagged PDF that pages are added to, one notice or many (a
 * combined print file shares one set of embedded fonts across all its
 * notices). The caller listens to `doc`'s data and end events.
 */
export interface DocumentWriter {
  readonly doc: PDFKit.PDFDocument;
  /** Adds pages; with `bookmark`, an outline entry pointing at the first of them, holding the entries of pages that carry one. */
  addPages(pages: readonly LaidPage[], bookmark?: string): void;
  end(): void;
}

/**
 * A document written as pages come, CIDs in drawing order; with `canonical`,
 * CIDs as drawPdf gives them, and no page is written before `end`.
 */
export function openDocument(info: DocumentInfo, canonical?: { readonly cache?: FontStreamCache }): DocumentWriter {
  return writerOf(new PDFDocument(documentOptions(info)), canonical);
}

function documentOptions(info: DocumentInfo): PDFKit.PDFDocumentOptions {
  return {
    autoFirstPage: false,
    font: null as unknown as string,
    pdfVersion: '1.7',
    tagged: true,
    lang: info.lang,
    displayTitle: true,
    compress: true,
    info: {
      Title: info.title,
      Author: info.author ?? '',
      Subject: info.subject ?? '',
      ...(info.keywords ? { Keywords: info.keywords } : {}),
      Creator: info.producer,
      Producer: info.producer,
      CreationDate: info.date,
      ModDate: info.date,
    },
  };
}

/**
 * zlib level for page content: level 3 took 0.04 ms a page where the default (6) took 0.12 ms, for
 * 1.1–1.8% more bytes in a notice (private-areas, en+es and ar+zh-Hans, measured 2026-12-02).
 */
const CONTENT_LEVEL = 3;

function writerOf(doc: PDFKit.PDFDocument, canonical?: { readonly cache?: FontStreamCache }): DocumentWriter {
  // addSpotColor (PDFKit 0.14+) is missing from @types/pdfkit.
  (doc as unknown as SpotColors).addSpotColor(REGISTRATION_SPOT.name, ...REGISTRATION_SPOT.cmyk);
  const fonts = new PdfFonts(doc, canonical);
  const drawer = new Drawer(doc, new GlyphRuns(fonts, canonical?.cache?.glyphRuns));
  const root = drawer.tagging.struct('Document');
  drawer.tagging.addStructure(root);
  return {
    doc,
    addPages: (pages, bookmark) => {
      // The entry points at the first page with something on it (not a blank page before a duplex front);
      // pages that start a notice of a packet get entries of their own, under it.
      const first = Math.max(
        0,
        pages.findIndex((page) => page.nodes.length > 0),
      );
      let parent: PDFKit.PDFOutline | undefined;
      pages.forEach((page, index) => {
        doc.addPage({ size: [page.width, page.height], margin: 0 });
        drawer.page = collectPageContent(doc, { ...(canonical ? { rewrite: fonts } : {}), level: CONTENT_LEVEL });
        if (page.boxes) setPageBoxes(doc, page);
        if (index === first && bookmark !== undefined) parent = doc.outline.addItem(bookmark);
        if (page.bookmark !== undefined) (parent ?? doc.outline).addItem(page.bookmark);
        drawer.textColor = undefined;
        for (const node of page.nodes) drawer.node(node, root);
      });
    },
    end: () => {
      fonts.assignCids();
      root.end();
      doc.end();
    },
  };
}

/** TrimBox and BleedBox in the current page's dictionary, in PDF coordinates (from the bottom-left). */
function setPageBoxes(doc: PDFKit.PDFDocument, page: LaidPage): void {
  const data = pageDictionary(doc);
  const box = (b: PageBox) => [b.x, page.height - b.y - b.height, b.x + b.width, page.height - b.y].map((n) => Math.round(n * 1000) / 1000);
  data.TrimBox = box(page.boxes!.trim);
  data.BleedBox = box(page.boxes!.bleed);
}

/** Replays nodes and items onto the current page, tagging as it goes. */
class Drawer {
  readonly tagging: TaggingDocument;
  private readonly marks: StructureMarks;
  /** The fill colour text was last shown in on this page (text needs no save/restore of its own). */
  textColor: string | undefined;
  /** The current page's content, which glyph runs are written into (with slots for CIDs given later). */
  page: PageContent | undefined;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly runs: GlyphRuns,
  ) {
    this.tagging = doc as unknown as TaggingDocument;
    this.marks = new StructureMarks(doc);
  }

  node(node: LaidNode, parent: StructElement): void {
    // Marked content is written as PDFKit's markContent, markStructureContent and endMarkedContent write it (pdfkit-internals.ts).
    if (node.role === 'Artifact') {
      this.tagging.addContent(LAYOUT_ARTIFACT);
      for (const item of node.items) this.item(item);
      this.tagging.addContent('EMC');
      return;
    }
    // PDFKit writes Lang and Alt only when they are set.
    const element = this.tagging.struct(node.role, { lang: node.lang, alt: node.alt });
    parent.add(element);
    const items = node.items;
    if (items.some((item) => item.type !== 'glyphs')) {
      const mark = this.marks.open(node.role);
      this.tagging.addContent(mark.operator);
      for (const item of items) if (item.type !== 'glyphs') this.item(item);
      this.tagging.addContent('EMC');
      element.add(mark.content);
    }
    for (const item of items) if (item.type === 'glyphs') this.taggedGlyphs(item, element);
    for (const child of node.children) this.node(child, element);
    element.end();
  }

  /**
   * A glyph run in a tagged element: the glyphs that carry text in a marked
   * content sequence of their own, holding the MCID and any ActualText in one
   * dictionary inside BT/ET (nothing nested in it, since poppler's tag-tree
   * reader ends an MCID's text at the first EMC it meets); the glyphs that
   * carry no text (mark glyphs, a line-end hyphen) as an artifact.
   */
  private taggedGlyphs(item: Extract<Item, { type: 'glyphs' }>, element: StructElement): void {
    this.color(item.color);
    const parts = this.runs.parts(item);
    const page = this.page!;
    if (parts.main === undefined) page.append(`${parts.open}\n`);
    else {
      const mark = this.marks.open('Span', parts.actual, parts.actualLiteral);
      page.append(`${parts.open}\n${mark.operator}\n`);
      page.appendSlots(parts.main, parts.mainOffsets, parts.mainEntries);
      page.append('\nEMC\n');
      element.add(mark.content);
    }
    // The artifact's marked content is written as PDFKit's markContent('Artifact') and endMarkedContent() write it (nothing is open around it).
    if (parts.extra === undefined) page.append('ET\n');
    else {
      page.append(`ET\n${parts.extraOpen}\n/Artifact BMC\n`);
      page.appendSlots(parts.extra, parts.extraOffsets, parts.extraEntries);
      page.append('\nEMC\nEMC\nET\n');
    }
  }

  private color(color: string): void {
    if (color !== this.textColor) {
      this.doc.fillColor(pdfColor(color));
      this.textColor = color;
    }
  }

  item(item: Item): void {
    const doc = this.doc;
    switch (item.type) {
      case 'glyphs':
        this.color(item.color);
        this.runs.write(item, this.page!);
        return;
      case 'rect':
        doc.save().rect(item.x, item.y, item.width, item.height);
        if (item.fill && item.stroke) doc.lineWidth(item.lineWidth ?? 1).fillAndStroke(pdfColor(item.fill), pdfColor(item.stroke));
        else if (item.fill) doc.fill(pdfColor(item.fill));
        else if (item.stroke) doc.lineWidth(item.lineWidth ?? 1).stroke(pdfColor(item.stroke));
        doc.restore();
        return;
      case 'qr':
        doc.save().fillColor(pdfColor(item.fill)).transform(item.module, 0, 0, item.module, item.x, item.y);
        this.tagging.addContent(`${qrPathOperators(item.modules)}\nf`);
        doc.restore();
        return;
      case 'link':
        doc.link(item.x, item.y, item.width, item.height, item.url);
        return;
    }
  }
}
