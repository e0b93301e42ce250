import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { UsageError } from '../../src/errors.js';
import { glyphOutlines } from '../../src/fonts/glyph-outlines.js';

const dir = mkdtempSync(join(tmpdir(), 'placard-outlines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of 64 bytes 0..63 whose table is bytes [16, 48). */
function table(name: string) {
  const file = join(dir, name);
  writeFileSync(
    file,
    Uint8Array.from({ length: 64 }, (_, i) => i),
  );
  const { size, mtimeMs } = statSync(file);
  return { file, outlines: glyphOutlines(file, 16, 32, size, mtimeMs) };
}

describe('glyph outlines read from the font file', () => {
  it('reads a glyph by its offsets in the table', () => {
    const { outlines } = table('ok.ttf');
    expect([...outlines.reading((read) => read(2, 6))]).toEqual([18, 19, 20, 21]);
  });

  it('refuses, as a problem with the font file (exit 2), a glyph outside the table or a file changed since it was loaded', () => {
    const { file, outlines } = table('bad.ttf');
    expect(() => outlines.reading((read) => read(30, 40))).toThrow(UsageError);
    writeFileSync(file, new Uint8Array(10));
    expect(() => outlines.reading((read) => read(0, 4))).toThrow(/changed while placard was using it/);
    expect(() => outlines.reading((read) => read(0, 4))).toThrow(UsageError);
  });
});
