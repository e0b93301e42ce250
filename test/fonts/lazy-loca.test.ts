import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bundledFaces } from '../../src/fonts/bundled-fonts.js';
import { withLazyLoca } from '../../src/fonts/lazy-loca.js';

interface WithLoca {
  readonly loca: { readonly version: number; readonly offsets: number[]; readonly _processed?: boolean };
  readonly _tables: Record<string, unknown>;
  getGlyph(id: number): { readonly advanceWidth: number; readonly cbox: object; readonly path: { toSVG(): string } };
}

describe('withLazyLoca', () => {
  it('gives every bundled face the loca table fontkit decodes, and the same glyph boxes, widths and outlines', () => {
    for (const face of bundledFaces()) {
      const bytes = readFileSync(face.file);
      const lazy = withLazyLoca(fontkit.create(bytes), bytes) as unknown as WithLoca;
      const plain = fontkit.create(bytes) as unknown as WithLoca;
      const count = plain.loca.offsets.length;
      for (const id of [0, 1, 2, count >> 1, count - 2]) {
        expect(lazy.loca.offsets[id], `${face.file} ${id}`).toBe(plain.loca.offsets[id]);
        const [a, b] = [lazy.getGlyph(id), plain.getGlyph(id)];
        expect([a.advanceWidth, a.cbox, a.path.toSVG()]).toEqual([b.advanceWidth, b.cbox, b.path.toSVG()]);
      }
      expect(lazy.loca.offsets[count]).toBeUndefined();
      expect([lazy.loca.version, lazy.loca._processed, lazy.loca.offsets.length]).toEqual([
        plain.loca.version,
        plain.loca._processed,
        count,
      ]);
    }
  });

  it('reads offsets one by one, and decodes them all on any other use', () => {
    const face = bundledFaces().find((candidate) => candidate.family === 'Noto Sans SC' && candidate.weight === 400)!;
    const bytes = readFileSync(face.file);
    const font = fontkit.create(bytes);
    const lazy = withLazyLoca(font, bytes) as unknown as WithLoca;
    expect(lazy.getGlyph(0).advanceWidth).toBe(1000);
    expect((font as unknown as WithLoca)._tables.loca).toBeUndefined();
    const plain = (fontkit.create(bytes) as unknown as WithLoca).loca.offsets;
    expect(Array.isArray(lazy.loca.offsets)).toBe(true);
    expect([...lazy.loca.offsets]).toEqual(plain);
    expect(lazy.loca.offsets.slice(10, 20)).toEqual(plain.slice(10, 20));
    expect(Object.keys(lazy.loca.offsets).length).toBe(plain.length);
  });

  it('leaves a font without a loca table as it is', () => {
    const bytes = new Uint8Array(12);
    const font = { loca: 'mine' } as unknown as fontkit.Font;
    expect(withLazyLoca(font, bytes)).toBe(font);
  });
});
