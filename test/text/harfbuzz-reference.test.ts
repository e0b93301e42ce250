import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundledFaces } from '../../src/fonts/bundled-fonts.js';
import { loadFont } from '../../src/fonts/loaded-font.js';
import { shape } from '../../src/text/shape.js';
import { hasTool } from '../helpers/system-tools.js';

/** hb-shape (HarfBuzz's own command-line shaper) as the reference: glyph ids and advances. */
function reference(file: string, text: string): { id: number; advance: number }[] {
  const run = spawnSync('hb-shape', ['--no-glyph-names', '--no-clusters', file, text], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  // Output looks like [372+618|198@-20,0+229|…]: glyph id, optional offset, advance.
  return run.stdout
    .trim()
    .replace(/^\[|\]$/g, '')
    .split('|')
    .map((glyph) => {
      const match = /^(\d+)(?:@-?\d+,-?\d+)?\+(-?\d+)/.exec(glyph)!;
      return { id: Number(match[1]), advance: Number(match[2]) };
    });
}

const SAMPLES: [family: string, text: string][] = [
  ['Noto Sans Myanmar', 'ကြေးမုံ ဝန်ထမ်းများသာ သင်္ဘော'],
  ['Noto Sans Myanmar', 'ဤလုပ်ငန်း၏ အများပြည်သူအတွက်'],
  ['Noto Sans Bengali', 'শুধুমাত্র কর্মচারীদের জন্য'],
  ['Noto Sans Gurmukhi', 'ਸਿਰਫ਼ ਕਰਮਚਾਰੀਆਂ ਲਈ'],
  ['Noto Sans Devanagari', 'केवल कर्मचारियों के लिए'],
];

describe.skipIf(!hasTool('hb-shape'))('shaping matches HarfBuzz’s own hb-shape', () => {
  for (const [family, text] of SAMPLES) {
    it(`${family}: ${text}`, () => {
      const face = bundledFaces().find((candidate) => candidate.family === family && candidate.weight === 400)!;
      const ours = shape(loadFont(face), text, 'ltr', 'und').glyphs.map((glyph) => ({ id: glyph.id, advance: glyph.xAdvance }));
      expect(ours).toEqual(reference(face.file, text));
    });
  }
});
