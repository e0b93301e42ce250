/**
 * A PDF's bookmarks as a tree, each with the 1-based page it opens, read with
 * pdf.js (set up by pdf-reader.ts) and sharing no code with src/.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import './pdf-reader.js';

export interface Bookmark {
  readonly title: string;
  /** 1-based page number the entry opens. */
  readonly page: number;
  readonly children: readonly Bookmark[];
}

type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

export async function readOutline(bytes: Uint8Array): Promise<Bookmark[]> {
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
  try {
    const doc = await task.promise;
    const walk = async (nodes: readonly OutlineNode[]): Promise<Bookmark[]> => {
      const out: Bookmark[] = [];
      for (const node of nodes) {
        const dest = typeof node.dest === 'string' ? await doc.getDestination(node.dest) : node.dest;
        const ref = dest?.[0];
        const page = ref && typeof ref === 'object' ? (await doc.getPageIndex(ref as never)) + 1 : Number(ref) + 1;
        out.push({ title: node.title, page, children: await walk(node.items ?? []) });
      }
      return out;
    };
    return await walk((await doc.getOutline()) ?? []);
  } finally {
    await task.destroy();
  }
}
