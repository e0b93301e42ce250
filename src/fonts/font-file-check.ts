import * as fontkit from 'fontkit';
import { UsageError } from '../errors.js';
import { readBytes } from '../read/text-file.js';
import { MAX_FONT_BYTES } from '../contract/input-limits.js';

const REQUIRED = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'];

/**
 * Reads a user's font file and checks it fully before any text is drawn
 * with it: a static TrueType or OpenType font whose every table lies inside
 * the file, with outlines, a character map and at least one glyph. A
 * truncated file, a WOFF/WOFF2 file under a .ttf name, a collection or a
 * variable font is a usage error naming the file and what is wrong.
 */
export function readFontFile(file: string): Buffer {
  const bytes = readBytes(file, MAX_FONT_BYTES, 'font file');
  const refuse = (why: string): never => {
    throw new UsageError(`font file ${file} ${why}`);
  };
  if (bytes.length < 12) refuse('is too short to be a font');
  const magic = bytes.toString('latin1', 0, 4);
  if (magic === 'wOF2' || magic === 'wOFF') refuse(`is a ${magic === 'wOF2' ? 'WOFF2' : 'WOFF'} web font; use the .ttf or .otf file`);
  if (magic === 'ttcf') refuse('is a font collection (.ttc); use a single .ttf or .otf font');
  if (magic !== 'OTTO' && magic !== 'true' && bytes.readUInt32BE(0) !== 0x00010000) refuse('is not a TrueType or OpenType font');
  const count = bytes.readUInt16BE(4);
  if (count === 0 || 12 + count * 16 > bytes.length) refuse('is cut short: its table directory does not fit in the file');
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = bytes.toString('latin1', record, record + 4);
    const offset = bytes.readUInt32BE(record + 8);
    const length = bytes.readUInt32BE(record + 12);
    if (offset + length > bytes.length) refuse(`is cut short: its "${tag.trim()}" table ends past the end of the file`);
    tables.set(tag, { offset, length });
  }
  const missing = REQUIRED.filter((tag) => !tables.has(tag));
  if (!tables.has('glyf') && !tables.has('CFF ')) missing.push('glyf or CFF');
  if (tables.has('glyf') && !tables.has('loca')) missing.push('loca');
  if (missing.length > 0) refuse(`lacks the tables ${missing.join(', ')} that every font needs`);
  if (tables.has('glyf') && !glyphsInsideGlyf(bytes, tables))
    refuse('has glyph offsets (its "loca" table) that point outside its "glyf" table');
  if (tables.has('fvar')) refuse('is a variable font; use a static instance (PDFKit draws variable fonts blank)');
  try {
    const font = fontkit.create(bytes) as fontkit.Font;
    if (!(font.numGlyphs > 0) || !(font.unitsPerEm > 0)) refuse('has no glyphs');
    // Parse outlines now, spread over the whole font (every glyph of a CJK face would take seconds),
    // so that damaged glyph data fails here and not in the middle of a notice.
    const step = Math.max(1, Math.floor(font.numGlyphs / 512));
    for (let id = 0; id < font.numGlyphs; id += step) void font.getGlyph(id).path;
    void font.getGlyph(font.numGlyphs - 1).path;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    refuse(`cannot be read as a font: ${(error as Error).message}`);
  }
  return bytes;
}

/**
 * Whether every glyph of a TrueType font lies inside its glyf table: loca's offsets (short or long, as head says)
 * for maxp's glyph count, never decreasing and none past glyf's end. The outlines are read from these offsets
 * when a subset embeds a glyph (src/draw/truetype-subset.ts, src/fonts/glyph-outlines.ts), and fontkit reads
 * them for a glyph's box: a glyph outside its table would fail there, in the middle of a notice.
 */
function glyphsInsideGlyf(bytes: Buffer, tables: ReadonlyMap<string, { offset: number; length: number }>): boolean {
  const head = tables.get('head')!;
  const maxp = tables.get('maxp')!;
  const loca = tables.get('loca')!;
  const glyf = tables.get('glyf')!;
  if (head.length < 54 || maxp.length < 6) return false;
  const long = bytes.readInt16BE(head.offset + 50) === 1;
  const glyphs = bytes.readUInt16BE(maxp.offset + 4);
  const size = long ? 4 : 2;
  if (loca.length < (glyphs + 1) * size) return false;
  let previous = 0;
  for (let i = 0; i <= glyphs; i++) {
    const at = loca.offset + i * size;
    const offset = long ? bytes.readUInt32BE(at) : bytes.readUInt16BE(at) * 2;
    if (offset < previous || offset > glyf.length) return false;
    previous = offset;
  }
  return true;
}
