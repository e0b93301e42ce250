import PDFDocument from 'pdfkit';
import type { Item, LaidNode, LaidPage } from '../layout/items.js';
import { glyphRunOperators } from './glyph-text.js';
import { PdfFonts } from './pdf-fonts.js';

export interface DocumentInfo {
  readonly title: string;
  readonly lang: string;
  readonly author?: string;
  readonly subject?: string;
  /** Fixed creation date, so the same input gives the same bytes. */
  readonly date: Date;
  readonly producer: string;
}

/** PDFKit's tagging API, which its type definitions leave out. */
interface StructElement {
  add(child: StructElement | StructContent): StructElement;
  end(): void;
}
type StructContent = object;
interface TaggingDocument {
  struct(role: string, options?: { lang?: string; alt?: string }): StructElement;
  addStructure(element: StructElement): void;
  markStructureContent(role: string): StructContent;
  markContent(tag: string, options?: Record<string, unknown>): void;
  endMarkedContent(): void;
  addContent(operators: string): void;
}

/** Replays laid-out pages into a tagged PDF. Decides no positions. */
export function drawPdf(pages: readonly LaidPage[], info: DocumentInfo): Promise<Uint8Array> {
  const doc = new PDFDocument({
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
      Creator: info.producer,
      Producer: info.producer,
      CreationDate: info.date,
      ModDate: info.date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const tagging = doc as unknown as TaggingDocument;
  const fonts = new PdfFonts(doc as never);
  const root = tagging.struct('Document');
  tagging.addStructure(root);
  for (const page of pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const node of page.nodes) drawNode(doc, tagging, fonts, node, root);
  }
  root.end();
  doc.end();
  return done;
}

function drawNode(doc: PDFKit.PDFDocument, tagging: TaggingDocument, fonts: PdfFonts, node: LaidNode, parent: StructElement): void {
  if (node.role === 'Artifact') {
    tagging.markContent('Artifact', { type: 'Layout' });
    for (const item of node.items) drawItem(doc, fonts, item);
    tagging.endMarkedContent();
    return;
  }
  const element = tagging.struct(node.role, { ...(node.lang ? { lang: node.lang } : {}), ...(node.alt ? { alt: node.alt } : {}) });
  parent.add(element);
  if (node.items.length > 0) {
    const content = tagging.markStructureContent(node.role);
    for (const item of node.items) drawItem(doc, fonts, item);
    tagging.endMarkedContent();
    element.add(content);
  }
  for (const child of node.children) drawNode(doc, tagging, fonts, child, element);
  element.end();
}

function drawItem(doc: PDFKit.PDFDocument, fonts: PdfFonts, item: Item): void {
  switch (item.type) {
    case 'glyphs':
      doc.save().fillColor(item.color);
      for (const op of glyphRunOperators(item, fonts)) (doc as unknown as TaggingDocument).addContent(op);
      doc.restore();
      return;
    case 'rect':
      doc.save().rect(item.x, item.y, item.width, item.height);
      if (item.fill && item.stroke) doc.lineWidth(item.lineWidth ?? 1).fillAndStroke(item.fill, item.stroke);
      else if (item.fill) doc.fill(item.fill);
      else if (item.stroke) doc.lineWidth(item.lineWidth ?? 1).stroke(item.stroke);
      doc.restore();
      return;
    case 'rects':
      doc.save();
      for (let i = 0; i < item.rects.length; i += 4) doc.rect(item.rects[i]!, item.rects[i + 1]!, item.rects[i + 2]!, item.rects[i + 3]!);
      doc.fill(item.fill).restore();
      return;
    case 'link':
      doc.link(item.x, item.y, item.width, item.height, item.url);
      return;
  }
}
