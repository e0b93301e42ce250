import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { bundledFaces } from '../../src/fonts/bundled-fonts.js';
import { readFontFile } from '../../src/fonts/font-file-check.js';
import { thrown } from '../helpers/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'placard-font-check-'));
const latin = bundledFaces().find((face) => face.family === 'Noto Sans' && face.weight === 400)!.file;
const bytes = readFileSync(latin);

function fontWith(name: string, content: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('readFontFile', () => {
  it('accepts every bundled font', () => {
    for (const face of bundledFaces()) expect(readFontFile(face.file).length).toBeGreaterThan(0);
  });

  it.each([0.9, 0.5, 0.1, 0.001])('refuses a font cut to %s of its length, naming the table that is cut', (share) => {
    const file = fontWith(`cut-${share}.ttf`, bytes.subarray(0, Math.floor(bytes.length * share)));
    expect(thrown(UsageError, () => readFontFile(file)).message).toMatch(new RegExp(`${file}.*(cut short|too short)`));
  });

  it('refuses a WOFF2 or WOFF file under a .ttf name, a collection and text', () => {
    const header = (magic: string) => Buffer.concat([Buffer.from(magic, 'latin1'), Buffer.alloc(40)]);
    expect(thrown(UsageError, () => readFontFile(fontWith('web.ttf', header('wOF2')))).message).toContain('WOFF2 web font');
    expect(thrown(UsageError, () => readFontFile(fontWith('web1.ttf', header('wOFF')))).message).toContain('WOFF web font');
    expect(thrown(UsageError, () => readFontFile(fontWith('set.ttf', header('ttcf')))).message).toContain('font collection');
    expect(thrown(UsageError, () => readFontFile(fontWith('text.otf', Buffer.from('hello, this is text')))).message).toContain(
      'not a TrueType or OpenType font',
    );
  });

  it('refuses a font whose table directory points past the end', () => {
    const broken = Buffer.from(bytes);
    broken.writeUInt32BE(bytes.length, 12 + 8); // the first table now starts at the end of the file
    expect(thrown(UsageError, () => readFontFile(fontWith('pointer.ttf', broken))).message).toContain('ends past the end of the file');
  });

  it('refuses a font whose glyph offsets point outside its glyf table (was an internal error, exit 3)', () => {
    const broken = Buffer.from(bytes);
    const count = broken.readUInt16BE(4);
    for (let i = 0; i < count; i++) {
      const record = 12 + i * 16;
      if (broken.toString('latin1', record, record + 4) !== 'loca') continue;
      const offset = broken.readUInt32BE(record + 8);
      const length = broken.readUInt32BE(record + 12);
      // Every glyph but the first now starts far past the end of the outlines.
      for (let at = offset + 4; at + 4 <= offset + length; at += 4) broken.writeUInt32BE(0xfffffff0, at);
    }
    expect(thrown(UsageError, () => readFontFile(fontWith('loca.ttf', broken))).message).toContain('point outside its "glyf" table');
  });
});
