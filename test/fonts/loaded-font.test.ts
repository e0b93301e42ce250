import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFaces } from '../../src/fonts/bundled-fonts.js';
import { userFace } from '../../src/fonts/font-set.js';
import { loadFont } from '../../src/fonts/loaded-font.js';

const FILE = 'node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf';

describe('loadFont', () => {
  it('parses a file once, and gives each face (each session’s own --font) a font carrying that face', () => {
    const first = userFace(FILE, 0);
    const second = userFace(FILE, 1);
    const a = loadFont(first);
    const b = loadFont(second);
    expect(a.face).toBe(first);
    expect(b.face).toBe(second);
    expect(b.face.id).toBe('user2-NotoSans_400Regular.ttf');
    expect(b.fontkit).toBe(a.fontkit);
    expect(b.hbFont).toBe(a.hbFont);
    expect(loadFont(second)).toBe(b);
  });

  it('reads a font file again when it changed between two sessions, at the same path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-font-'));
    try {
      const file = join(dir, 'mine.ttf');
      copyFileSync(FILE, file);
      const before = loadFont(userFace(file, 0));
      copyFileSync('node_modules/@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf', file);
      utimesSync(file, new Date(), new Date(Date.now() + 5_000));
      const after = loadFont(userFace(file, 1));
      expect(after.fontkit).not.toBe(before.fontkit);
      expect(after.has(0x0627)).toBe(true);
      expect(before.has(0x0627)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a bundled face’s font the same object on every call', () => {
    const face = bundledFaces()[0]!;
    expect(loadFont(face)).toBe(loadFont(face));
    expect(loadFont(face).face).toBe(face);
  });
});
