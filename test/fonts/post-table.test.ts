import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bundledFaces } from '../../src/fonts/bundled-fonts.js';
import { withLazyPostTable } from '../../src/fonts/post-table.js';

interface WithPost {
  readonly post: Record<string, unknown>;
  readonly italicAngle: number;
  readonly underlinePosition: number;
  getGlyph(id: number): { readonly name: string };
}

/** What PDFKit and fontkit read of the post table: its fields (glyph names too) and what fontkit derives from them. */
function postOf(font: fontkit.Font): unknown {
  const seen = font as unknown as WithPost;
  return { ...seen.post, italicAngle: seen.italicAngle, underline: seen.underlinePosition, glyph5: seen.getGlyph(5).name };
}

describe('withLazyPostTable', () => {
  it('gives every bundled face the post table fontkit decodes, glyph names included', () => {
    for (const face of bundledFaces()) {
      const bytes = readFileSync(face.file);
      expect(postOf(withLazyPostTable(fontkit.create(bytes), bytes)), face.file).toEqual(postOf(fontkit.create(bytes)));
    }
  });

  it('reads the fixed fields without decoding the glyph names', () => {
    const face = bundledFaces().find((candidate) => candidate.family === 'Noto Sans' && candidate.weight === 400)!;
    const bytes = readFileSync(face.file);
    const font = fontkit.create(bytes);
    const lazy = withLazyPostTable(font, bytes) as unknown as WithPost;
    expect(lazy.post.version).toBe(2);
    expect(lazy.post.isFixedPitch).toBe(0);
    expect((font as unknown as { _tables: Record<string, unknown> })._tables.post).toBeUndefined();
    expect((lazy.post.names as string[]).length).toBeGreaterThan(0);
  });

  it('leaves a font it cannot read as it is', () => {
    const face = bundledFaces()[0]!;
    const font = fontkit.create(readFileSync(face.file));
    expect(withLazyPostTable(font, new Uint8Array(8))).toBe(font);
  });
});
