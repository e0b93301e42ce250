import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import { glyphOutlines, type GlyphOutlines } from './glyph-outlines.js';

/** A font file as HarfBuzz holds it, and the bytes fontkit parses (the same file; see fontBytes). */
export interface FontBytes {
  readonly blob: hb.Blob;
  readonly fontkitBytes: Uint8Array;
  /** A large `glyf` table, left in the file: HarfBuzz's holds none of its outlines (see fontBytes). */
  readonly outlines?: GlyphOutlines;
}

/** A `glyf` table this long or longer is left in the file, when it is the file's last table (CJK faces: 6-10 MB). */
const OUTLINES_IN_FILE = 1024 * 1024;
/** The bytes of such a table HarfBuzz holds, zeros: a `glyf` table it finds, with no glyph in it. */
const GLYF_STUB = 4;

interface TableRecord {
  readonly tag: string;
  readonly offset: number;
  readonly length: number;
}

/**
 * Reads a font file for HarfBuzz and fontkit. A single sfnt file (TrueType or OpenType) is read once, straight
 * into HarfBuzz's memory, and fontkit gets a copy of every table but `glyf`, at the same offsets in a buffer of
 * the file's length (the rest zeros, memory the system never hands out until written). fontkit reads no
 * outline of a TrueType font: PDFKit's embedding takes the font's metrics, names and advances from it, and the
 * subset is written from HarfBuzz's tables (src/draw/truetype-subset.ts). Reading a CJK face (10 MB) into a
 * buffer and then copying it into HarfBuzz had taken ~10 ms of a cold render's CPU for each; this takes ~6 ms
 * (measured 2026-12-02, pinned to one core), and the 10 MB copy that fontkit kept is gone.
 *
 * harfbuzzjs's Blob copies the bytes it is given into memory it allocates; to allocate a file's length with no
 * bytes to copy yet, it is given the file's table directory with a byteLength of the whole file (harfbuzzjs
 * 1.6.4, pinned in package.json: malloc(byteLength), then a copy of the array's own elements). The file is then
 * read into that memory, found through HarfBuzz's own view of the farthest table, which also proves the blob
 * spans the whole file. Anything else (a collection, a web font, a file this cannot vouch for) is read whole
 * and handed to both as it is, as before.
 *
 * A large `glyf` table that ends the file (a CJK face's 10 MB of outlines, nearly all of the file) is not read:
 * HarfBuzz's blob ends GLYF_STUB zero bytes into it, and `outlines` reads a glyph from the file when a subset
 * embeds it. placard asks HarfBuzz for no outline or glyph extent: it shapes with cmap, GSUB, GPOS and hmtx.
 * Reading the two faces of Simplified Chinese had been ~10 ms of a cold render's CPU (measured 2026-12-03).
 */
export function fontBytes(file: string): FontBytes {
  const fd = openSync(file, 'r');
  try {
    return readIntoHarfBuzz(file, fd) ?? whole(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

function whole(bytes: Uint8Array): FontBytes {
  return { blob: new hb.Blob(bytes), fontkitBytes: bytes };
}

function readIntoHarfBuzz(file: string, fd: number): FontBytes | undefined {
  const { size, mtimeMs } = fstatSync(fd);
  const header = readAt(fd, 0, 12);
  if (header === undefined) return undefined;
  const view = new DataView(header.buffer, header.byteOffset, 12);
  if (![0x00010000, 0x4f54544f, 0x74727565].includes(view.getUint32(0))) return undefined;
  const count = view.getUint16(4);
  const directory = count > 0 && 12 + 16 * count <= size ? readAt(fd, 0, 12 + 16 * count) : undefined;
  if (directory === undefined) return undefined;
  const tables = tableRecords(directory, count);
  if (tables.some((table) => table.offset + table.length > size)) return undefined;
  const glyf = outlinesLeft(tables);
  // The bytes read: the whole file, or all of it before a glyf table left in the file; and the blob's length.
  const read = glyf ? glyf.offset : size;
  const length = glyf ? glyf.offset + GLYF_STUB : size;
  const held = tables.filter((table) => table !== glyf);
  if (held.length === 0) return undefined;
  const farthest = held.reduce((a, b) => (b.offset + b.length > a.offset + a.length ? b : a));
  if (farthest.length === 0) return undefined;

  const allocation = new Uint8Array(directory);
  Object.defineProperty(allocation, 'byteLength', { value: length });
  const blob = new hb.Blob(allocation);
  // A face made only to find where the blob's bytes are: it parsed the directory, and no table yet.
  const table = new hb.Face(blob).referenceTable(farthest.tag);
  if (table?.length !== farthest.length) return undefined;
  const start = table.byteOffset - farthest.offset;
  const memory = new Uint8Array(table.buffer);
  if (start < 0 || start + length > memory.length || readInto(fd, memory.subarray(start, start + read)) !== read) return undefined;
  memory.fill(0, start + read, start + length);

  const fontkitBytes = Buffer.alloc(size);
  fontkitBytes.set(directory, 0);
  for (const { tag, offset, length } of tables) {
    if (tag !== 'glyf') fontkitBytes.set(memory.subarray(start + offset, start + offset + length), offset);
  }
  return glyf ? { blob, fontkitBytes, outlines: glyphOutlines(file, glyf.offset, glyf.length, size, mtimeMs) } : { blob, fontkitBytes };
}

/** The `glyf` table to leave in the file: a large one after every other table. */
function outlinesLeft(tables: readonly TableRecord[]): TableRecord | undefined {
  const glyf = tables.find((table) => table.tag === 'glyf');
  if (!glyf || glyf.length < OUTLINES_IN_FILE) return undefined;
  return tables.every((table) => table === glyf || table.offset + table.length <= glyf.offset) ? glyf : undefined;
}

function tableRecords(directory: Uint8Array, count: number): TableRecord[] {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.length);
  const tables: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(directory[record]!, directory[record + 1]!, directory[record + 2]!, directory[record + 3]!);
    tables.push({ tag, offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  return tables;
}

/** `length` bytes of the file from `position`, or undefined when it is shorter. */
function readAt(fd: number, position: number, length: number): Uint8Array | undefined {
  const bytes = new Uint8Array(length);
  return readInto(fd, bytes, position) === length ? bytes : undefined;
}

/** Fills `target` from the file, from `position`; the number of bytes read (fewer at the end of the file). */
function readInto(fd: number, target: Uint8Array, position = 0): number {
  let done = 0;
  while (done < target.length) {
    const read = readSync(fd, target, done, target.length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}
