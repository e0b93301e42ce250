import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { fontBytes } from '../../src/fonts/font-bytes.js';

const LATIN = 'node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf';
const HAN = 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf';

/** The file's tables: tag, offset, length. */
function tables(bytes: Buffer): [string, number, number][] {
  const count = bytes.readUInt16BE(4);
  return Array.from({ length: count }, (_, i) => {
    const record = 12 + 16 * i;
    return [bytes.toString('latin1', record, record + 4), bytes.readUInt32BE(record + 8), bytes.readUInt32BE(record + 12)];
  });
}

describe('fontBytes', () => {
  for (const file of [LATIN, HAN]) {
    it(`gives HarfBuzz every table and fontkit every table but glyf, at the same offsets (${file.split('/').pop()})`, () => {
      const expected = readFileSync(file);
      const { blob, fontkitBytes, outlines } = fontBytes(file);
      const face = new hb.Face(blob);
      expect(fontkitBytes.length).toBe(expected.length);
      for (const [tag, offset, length] of tables(expected)) {
        const original = expected.subarray(offset, offset + length);
        const held = Buffer.from(face.referenceTable(tag)!);
        // A CJK face's outlines stay in the file: HarfBuzz's glyf table is a few zeros.
        if (tag === 'glyf' && file === HAN) expect(held.length > 0 && held.length < 16 && held.every((byte) => byte === 0)).toBe(true);
        else expect(held.equals(original), tag).toBe(true);
        const copy = Buffer.from(fontkitBytes.subarray(offset, offset + length));
        expect(tag === 'glyf' ? copy.every((byte) => byte === 0) : copy.equals(original), tag).toBe(true);
      }
      expect(face.upem).toBe(expected.readUInt16BE(tables(expected).find(([tag]) => tag === 'head')![1] + 18));
      expect(outlines === undefined).toBe(file === LATIN);
    });
  }

  it('reads a CJK face’s outlines from the file, glyph by glyph', () => {
    const expected = readFileSync(HAN);
    const [, offset, length] = tables(expected).find(([tag]) => tag === 'glyf')!;
    const { outlines } = fontBytes(HAN);
    outlines!.reading((read) => {
      expect(Buffer.from(read(0, 100)).equals(expected.subarray(offset, offset + 100))).toBe(true);
      expect(Buffer.from(read(length - 60, length)).equals(expected.subarray(offset + length - 60, offset + length))).toBe(true);
      expect(() => read(length - 10, length + 10)).toThrow(/outside its glyf table/);
    });
  });

  it('refuses to read outlines from a font file changed since it was read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-font-bytes-'));
    try {
      const file = join(dir, 'han.ttf');
      writeFileSync(file, readFileSync(HAN));
      const { outlines } = fontBytes(file);
      writeFileSync(file, readFileSync(LATIN));
      expect(() => outlines!.reading((read) => read(0, 10))).toThrow(/changed while placard was using it/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a file it cannot vouch for whole, for both (here a file cut short)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-font-bytes-'));
    try {
      const file = join(dir, 'short.ttf');
      const cut = readFileSync(LATIN).subarray(0, 5_000);
      writeFileSync(file, cut);
      const { fontkitBytes } = fontBytes(file);
      expect(Buffer.from(fontkitBytes).equals(cut)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
