/**
 * Five independent PDF text extractors, the ones people meet: poppler (pdftotext: Linux
 * viewers, many search indexes), pdf.js (Firefox), PDFium (Chrome, Edge, Android), MuPDF
 * (SumatraPDF, many phone readers) and pdfminer (Python pipelines, screen-reading scripts).
 *
 * Each returns the document's text the way that reader gives it to a user who copies it:
 * pdf.js items in content order with its own line ends, PDFium's page text, MuPDF's
 * structured text, poppler's and pdfminer's plain text. None of them shares code with src/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PDFiumLibrary } from '@hyzyla/pdfium';
import * as mupdf from 'mupdf';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

import { hasTool, pdftotext } from './system-tools.js';

export type ReaderName = 'poppler' | 'pdfjs' | 'pdfium' | 'mupdf' | 'pdfminer';

export interface TextReader {
  readonly name: ReaderName;
  /** Why it cannot run here (a missing tool), or undefined when it can. */
  readonly missing?: string;
  read(bytes: Uint8Array): Promise<string>;
}

async function pdfjsText(bytes: Uint8Array): Promise<string> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false }).promise;
  try {
    let text = '';
    for (let number = 1; number <= doc.numPages; number++) {
      const content = await (await doc.getPage(number)).getTextContent();
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      text += '\n';
    }
    return text;
  } finally {
    await doc.destroy();
  }
}

let pdfium: Promise<PDFiumLibrary> | undefined;

async function pdfiumText(bytes: Uint8Array): Promise<string> {
  pdfium ??= PDFiumLibrary.init();
  const doc = await (await pdfium).loadDocument(bytes);
  try {
    let text = '';
    for (const page of doc.pages()) text += `${page.getText()}\n`;
    return text;
  } finally {
    doc.destroy();
  }
}

function mupdfText(bytes: Uint8Array): Promise<string> {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    let text = '';
    for (let index = 0; index < doc.countPages(); index++) text += doc.loadPage(index).toStructuredText('preserve-whitespace').asText();
    return Promise.resolve(text);
  } finally {
    doc.destroy();
  }
}

const PDFMINER = 'pdf2txt';

function pdfminerText(bytes: Uint8Array): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'placard-pdfminer-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const result = spawnSync(PDFMINER, [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`pdf2txt failed: ${result.stderr}`);
    return Promise.resolve(result.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The five readers; poppler and pdfminer need their Debian packages (poppler-utils, python3-pdfminer). */
export const textReaders: readonly TextReader[] = [
  {
    name: 'poppler',
    ...(hasTool('pdftotext') ? {} : { missing: 'pdftotext (poppler-utils)' }),
    read: (bytes) => Promise.resolve(pdftotext(bytes)),
  },
  { name: 'pdfjs', read: pdfjsText },
  { name: 'pdfium', read: pdfiumText },
  { name: 'mupdf', read: mupdfText },
  { name: 'pdfminer', ...(hasTool(PDFMINER) ? {} : { missing: 'pdf2txt (python3-pdfminer)' }), read: pdfminerText },
];

/**
 * Text as compared for exactness: NFC, without white space, format characters (zero-width
 * spaces and joiners, bidi marks and embeddings) or soft hyphens. What is left is the order
 * of the characters a reader hands to a person, which is what "exact" means here: line
 * breaks and spacing differ from reader to reader and carry no meaning for copy and search.
 */
export function comparable(text: string): string {
  return text.normalize('NFC').replace(/[\s\p{Cf}\u00ad]/gu, '');
}
