import { deflateSync } from 'node:zlib';
import type { PDFiumLibrary } from '@hyzyla/pdfium';

let library: Promise<PDFiumLibrary> | undefined;

/**
 * The first page of a PDF as a PNG `width` pixels wide, drawn by PDFium
 * (WebAssembly, loaded on first use): the picker's thumbnails are the real
 * notices, drawn the way Chrome's viewer draws them.
 */
export async function firstPagePng(pdf: Uint8Array, width: number): Promise<Uint8Array> {
  library ??= import('@hyzyla/pdfium').then(({ PDFiumLibrary }) => PDFiumLibrary.init());
  const document = await (await library).loadDocument(pdf);
  try {
    const page = document.getPage(0);
    const { originalWidth } = page.getOriginalSize();
    const bitmap = await page.render({ scale: width / originalWidth, render: 'bitmap' });
    return encodePng(bitmap.width, bitmap.height, bitmap.data);
  } finally {
    document.destroy();
  }
}

/**
 * A PNG of PDFium's BGRA pixels, as 8-bit RGB. Written out here (some thirty
 * lines over zlib) rather than adding an image library for one format:
 * signature, IHDR, one IDAT of filter-0 rows, IEND, each chunk with its CRC.
 */
export function encodePng(width: number, height: number, bgra: Uint8Array): Uint8Array {
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const out = y * (1 + width * 3);
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      rows[out + 1 + x * 3] = bgra[from + 2]!;
      rows[out + 2 + x * 3] = bgra[from + 1]!;
      rows[out + 3 + x * 3] = bgra[from]!;
    }
  }
  return pngFile(width, height, 'rgb', rows);
}

/**
 * A whole PNG file from filtered scanlines (each row led by its filter byte): 8 bits per sample, RGB or greyscale,
 * deflated at `level` (zlib's default unless given), no interlace.
 */
export function pngFile(width: number, height: number, colour: 'rgb' | 'grey', rows: Buffer, level?: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colour === 'rgb' ? 2 : 0, 0, 0, 0], 8); // 8 bits, RGB or grey, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, level === undefined ? {} : { level })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** One PNG chunk: length, type, data and CRC-32 (also used by the tests' golden images). */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG uses it (zlib.crc32 arrived only in Node 20.15). */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
