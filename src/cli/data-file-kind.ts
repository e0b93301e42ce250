import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { ROW_FORMATS } from '../read/rows/row-source.js';
import { printable } from '../contract/text-hygiene.js';
import { shellQuote } from './set-hint.js';

/** Extensions of files that hold many businesses, one per row: `placard batch` reads them. */
const SPREADSHEETS: Readonly<Record<string, string>> = {
  '.csv': 'a CSV spreadsheet',
  '.tsv': 'a tab-separated spreadsheet',
  '.xlsx': 'an Excel workbook',
  '.xls': 'an old Excel workbook',
  '.ods': 'a LibreOffice spreadsheet',
  '.numbers': 'a Numbers spreadsheet',
  '.ndjson': 'a file of JSON rows',
  '.jsonl': 'a file of JSON rows',
};

/** The row formats placard batch reads, by extension. */
const BATCH_READS = new Set(ROW_FORMATS.map((format) => `.${format}`));

/** What the first bytes of a file say it is (magic numbers), for a binary file given where text was expected. */
export function looksLike(head: Uint8Array): string | undefined {
  const ascii = Buffer.from(head.subarray(0, 4096)).toString('latin1');
  const starts = (magic: string) => ascii.startsWith(magic);
  if (starts('%PDF-')) return 'a PDF';
  if (starts('PK\u0003\u0004')) return zipKind(ascii);
  if (starts('\u00d0\u00cf\u0011\u00e0')) return 'an old Microsoft Office file (.doc or .xls)';
  if (starts('\u0089PNG')) return 'a PNG image';
  if (starts('\u00ff\u00d8\u00ff')) return 'a JPEG image';
  if (starts('GIF8')) return 'a GIF image';
  if (starts('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'a WebP image';
  if (starts('II*\u0000') || starts('MM\u0000*')) return 'a TIFF image';
  if (ascii.slice(4, 8) === 'ftyp') return /^(heic|heix|mif1|avif)/.test(ascii.slice(8, 12)) ? 'a HEIC/AVIF photo' : 'a video or photo';
  if (starts('\u001f\u008b')) return 'a gzip archive';
  if (starts('{\\rtf')) return 'an RTF document';
  if (starts('\u00ff\u00fe') || starts('\u00fe\u00ff')) return 'a UTF-16 text file';
  return ascii.includes('\u0000') ? 'a binary file' : undefined;
}

/** Office files are zip archives; the names of their first entries tell which. */
function zipKind(ascii: string): string {
  if (ascii.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'a LibreOffice spreadsheet (.ods)';
  if (ascii.includes('application/vnd.oasis.opendocument.text')) return 'a LibreOffice document (.odt)';
  if (ascii.includes('Index/Document.iwa') || ascii.includes('Index/')) return 'an Apple Numbers or Pages file';
  if (ascii.includes('word/')) return 'a Word document (.docx)';
  if (ascii.includes('xl/')) return 'an Excel workbook (.xlsx)';
  if (ascii.includes('ppt/')) return 'a PowerPoint file (.pptx)';
  return 'a zip archive';
}

/** What to do instead, for each kind of file that is not one business. */
function advice(kind: string, file: string, template: string): string {
  if (/spreadsheet|workbook|JSON rows/.test(kind)) {
    const run = `placard batch ${template} --data ${shellQuote(file)} --out-dir notices`;
    if (/Numbers|old Excel|LibreOffice/.test(kind) && !BATCH_READS.has(extname(file).toLowerCase())) {
      return `${kind}, which holds many businesses, one per row: save it as .xlsx or CSV (UTF-8), then for a notice per row run\n  ${run}`;
    }
    return `${kind}, which holds many businesses, one per row: for a notice per row run\n  ${run}`;
  }
  if (kind === 'a UTF-16 text file') return `${kind}; save it as UTF-8 text`;
  return `${kind}, not a text file; render reads one business as YAML or JSON text (like business.yaml from placard init)`;
}

/**
 * Refuses a --data file that is not one business as YAML or JSON, saying what it looks like and what to do:
 * a spreadsheet points to `placard batch`, a Word file or a photo is named as such (not blamed on the text encoding).
 */
export function checkBusinessDataFile(file: string, template: string): void {
  const byName = SPREADSHEETS[extname(file).toLowerCase()];
  const magic = looksLike(readHead(file));
  // A spreadsheet's own bytes (a zip, an old Office file) agree with its name; a photo named .csv is a photo.
  const kind = byName && (!magic || /zip|Numbers|spreadsheet|workbook|Office|binary/.test(magic)) ? byName : magic;
  if (kind === undefined) return;
  throw new UsageError(`--data ${printable(file, 80)} is ${advice(kind, file, template)}`);
}

/** The first 4 KB of a file; an unreadable file is left to the reader, which says why. */
function readHead(file: string): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(4096);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } catch {
    return new Uint8Array();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
