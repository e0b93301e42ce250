/** Which fonts a PDF uses and whether each is embedded, as pdf.js sees them (for pdf-reader.ts). */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

import { mapPages } from './pdfjs-open.js';

export interface PdfFont {
  /** The font's PDF name as written, subset prefix included (e.g. 'ABCDEF+NotoSans-Regular'). */
  name: string;
  embedded: boolean;
}

/** The fields we read from pdf.js's FontFaceObject (in page.commonObjs, untyped there). */
interface PdfJsFontObject {
  name?: string;
  loadedName?: string;
  missingFile?: boolean;
  isType3Font?: boolean;
}

/**
 * Every font any page selects (OPS.setFont, including inside form XObjects and annotation
 * appearances), looked up in commonObjs once getOperatorList() has loaded it. Must run on a
 * document opened without standard font data: otherwise pdf.js swaps its own font file in for
 * e.g. Helvetica and reports `missingFile: false`, i.e. "embedded".
 */
export async function listFonts(doc: PDFDocumentProxy): Promise<PdfFont[]> {
  const fonts = new Map<string, PdfFont>();
  await mapPages(doc, async (page) => {
    for (const font of await pageFonts(page)) {
      fonts.set(`${font.name}\u0000${font.embedded}`, font);
    }
  });
  return [...fonts.values()];
}

async function pageFonts(page: PDFPageProxy): Promise<PdfFont[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const fonts: PdfFont[] = [];
  fnArray.forEach((op, i) => {
    if (op !== pdfjs.OPS.setFont) return;
    // argsArray is any[] at the pdf.js boundary; setFont's args are [loadedName, size].
    const id: unknown = (argsArray[i] as unknown[] | undefined)?.[0];
    if (typeof id === 'string' && page.commonObjs.has(id)) {
      fonts.push(describeFont(page.commonObjs.get(id) as PdfJsFontObject, id));
    }
  });
  return fonts;
}

function describeFont(font: PdfJsFontObject, id: string): PdfFont {
  return {
    name: font.name ?? font.loadedName ?? id,
    // Type 3 glyphs are content streams inside the PDF, so they count as embedded.
    embedded: font.isType3Font === true || font.missingFile !== true,
  };
}
