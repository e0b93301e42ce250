/**
 * An independent PDF reader for the test suite, built only on npm packages:
 * pdf.js (legacy build, which is the one meant for Node) for parsing and rendering,
 * @napi-rs/canvas for pixels and jsQR for reading QR codes from those pixels.
 *
 * Nothing here shares code with src/: the point is to check placard's output the way
 * a viewer would see it.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

import { listFonts, type PdfFont } from './pdf-font-list.js';
import { FONT_PROBE, mapPages, VIEW, withDocument } from './pdfjs-open.js';
import { textLines } from './pdf-text-lines.js';

export type { PdfFont } from './pdf-font-list.js';
export { decodeQr, renderPage, type RenderedPage } from './pdf-render.js';

export interface PdfPageFacts {
  /** In PDF points, from the viewport at scale 1 (so /Rotate is applied). */
  width: number;
  height: number;
  /** The page's lines joined with '\n'. */
  text: string;
  /** One entry per visual line, trimmed; never empty strings. */
  lines: string[];
}

export interface PdfFacts {
  pageCount: number;
  pages: PdfPageFacts[];
  /** All pages' text joined with '\n'. */
  text: string;
  /** Every font used on any page, once per (name, embedded) pair, in order of first use. */
  fonts: PdfFont[];
  /** Info dictionary /Title, else XMP dc:title. */
  title?: string;
  /** Catalog /Lang. */
  lang?: string;
  /** Titles of the top-level bookmarks, in order. */
  outline: string[];
}

export interface ReadOptions {
  /**
   * Also list the fonts (`facts.fonts`). Off unless asked: it makes pdf.js parse every font program
   * (getOperatorList on a second open), which cost more than the text itself; reading `fonts` without
   * asking for them throws rather than answering with nothing.
   */
  readonly fonts?: boolean;
}

export async function readPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<PdfFacts> {
  // Two opens: a quiet probe without standard font data for the fonts, then a normal open
  // for everything else. One after the other, so the probe's log level cannot hide the
  // second open's warnings (calls made concurrently by a caller can still; only logs suffer).
  const fonts = options.fonts ? await withDocument(bytes, FONT_PROBE, listFonts) : undefined;
  return withDocument(bytes, VIEW, async (doc) => {
    const pages = await mapPages(doc, readPage);
    const { title, lang } = await readInfo(doc);
    const outline = ((await doc.getOutline()) ?? []).map((item) => item.title);
    const facts = {
      outline,
      pageCount: doc.numPages,
      pages,
      text: pages.map((page) => page.text).join('\n'),
      title,
      lang,
    };
    return Object.defineProperty(facts, 'fonts', {
      enumerable: fonts !== undefined,
      get: () => {
        if (fonts === undefined) throw new Error('readPdf(bytes) left the fonts out: call readPdf(bytes, { fonts: true })');
        return fonts;
      },
    }) as PdfFacts;
  });
}

async function readPage(page: PDFPageProxy): Promise<PdfPageFacts> {
  const { width, height } = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const lines = textLines(content.items);
  return { width, height, text: lines.join('\n'), lines };
}

async function readInfo(doc: PDFDocumentProxy): Promise<{ title?: string; lang?: string }> {
  const { info, metadata } = await doc.getMetadata();
  // pdf.js types `info` as a bare Object. It carries the Info dictionary's entries plus
  // pdf.js's own, including `Language`, which is the catalog's /Lang (so no need to parse
  // the catalog ourselves).
  const fields = info as Record<string, unknown>;
  return {
    title: nonEmptyString(fields['Title']) ?? nonEmptyString(metadata?.get('dc:title')),
    lang: nonEmptyString(fields['Language']),
  };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
