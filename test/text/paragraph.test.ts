import { describe, expect, it } from 'vitest';

import { fontSet } from '../../src/fonts/font-set.js';
import { layoutParagraph, type ParagraphLayout, type ParagraphStyle, type PlacedRun, type TextSpan } from '../../src/text/paragraph.js';

const STYLE: ParagraphStyle = { size: 12, leading: 1.3, align: 'start', direction: 'ltr', lang: 'en' };

function lay(text: string | readonly TextSpan[], width: number, style: Partial<ParagraphStyle> = {}): ParagraphLayout {
  const full = { ...STYLE, ...style };
  const spans = typeof text === 'string' ? [{ text, bold: false }] : text;
  return layoutParagraph(spans, full, width, fontSet().chain(full.lang));
}

type Line = readonly PlacedRun[];

const leftEdge = (line: Line): number => Math.min(...line.map((run) => run.x));
const rightEdge = (line: Line): number => Math.max(...line.map((run) => run.x + run.width));
const lineText = (line: Line): string => line.map((run) => run.text).join('');

/** The run holding `word`. */
function runWith(line: Line, word: string): PlacedRun {
  const run = line.find((found) => found.text.includes(word));
  if (!run) throw new Error(`no run holds "${word}"`);
  return run;
}

/** Every glyph of a line with its left edge in points, in visual order. */
function placedGlyphs(line: Line): { x: number; text: string; id: number }[] {
  return [...line]
    .sort((a, b) => a.x - b.x)
    .flatMap((run) => {
      let x = run.x;
      return run.glyphs.map((glyph) => {
        const placed = { x, text: glyph.text, id: glyph.id };
        x += (glyph.xAdvance * run.size) / run.font.unitsPerEm;
        return placed;
      });
    });
}

const SENTENCE = 'Only employees of the bakery may go past this door. Please ask at the counter if you need help.';
const EPSILON = 1e-6;

describe('Latin wrapping', () => {
  it('keeps every line inside the width and breaks only at spaces', () => {
    const width = 150;
    const layout = lay(SENTENCE, width);
    expect(layout.lines.length).toBeGreaterThan(2);
    expect(layout.brokeWord).toBe(false);
    for (const line of layout.lines) expect(rightEdge(line)).toBeLessThanOrEqual(width + EPSILON);
    // Lines end at spaces (kept only as a zero-width space run for readers), and no word is split.
    expect(layout.lines.map(lineText).join('')).toBe(SENTENCE);
    for (const line of layout.lines) expect(lineText(line.filter((run) => !run.extra))).toMatch(/^\S(.*\S)?$/);
    for (const line of layout.lines.slice(0, -1)) expect(line.at(-1)).toMatchObject({ extra: 'space', text: ' ', width: 0 });
  });

  it('takes fewer lines as the width grows', () => {
    const counts = [100, 150, 250, 400, 800].map((width) => lay(SENTENCE, width).lines.length);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
    expect(counts.at(-1)).toBeLessThan(counts[0]!);
    expect(counts.at(-1)).toBe(1);
  });

  it('moves the baseline down by size × leading per line', () => {
    const size = 14;
    const leading = 1.4;
    const layout = lay(SENTENCE, 150, { size, leading });
    const baselines = layout.lines.map((line) => {
      const [first] = line;
      for (const run of line) expect(run.baseline).toBe(first!.baseline);
      return first!.baseline;
    });
    expect(baselines[0]).toBeGreaterThan(0);
    for (let i = 1; i < baselines.length; i++) expect(baselines[i]! - baselines[i - 1]!).toBeCloseTo(size * leading, 6);
    expect(layout.height).toBeCloseTo(layout.lines.length * size * leading, 6);
    for (const run of layout.lines.flat()) expect(run.size).toBe(size);
  });

  it('breaks a word longer than the line and says so', () => {
    const word = 'Supercalifragilisticexpialidocious';
    const width = 50;
    const layout = lay(word, width);
    expect(layout.brokeWord).toBe(true);
    expect(layout.lines.length).toBeGreaterThan(1);
    for (const line of layout.lines) expect(rightEdge(line)).toBeLessThanOrEqual(width + EPSILON);
    expect(layout.lines.map(lineText).join('')).toBe(word);
    expect(lay(SENTENCE, 500).brokeWord).toBe(false);
  });
});

describe('alignment', () => {
  const width = 200;

  it("starts LTR 'start' lines at x = 0", () => {
    for (const line of lay(SENTENCE, width).lines) expect(leftEdge(line)).toBeCloseTo(0, 6);
  });

  it("ends LTR 'end' lines at the right edge", () => {
    for (const line of lay(SENTENCE, width, { align: 'end' }).lines) expect(rightEdge(line)).toBeCloseTo(width, 6);
  });

  it("ends RTL 'start' lines at the right edge", () => {
    const layout = lay('هذه المنطقة خاصة بالموظفين فقط، يرجى عدم الدخول بدون إذن من المخبز.', 120, { direction: 'rtl', lang: 'ar' });
    expect(layout.lines.length).toBeGreaterThan(1);
    for (const line of layout.lines) {
      expect(rightEdge(line)).toBeCloseTo(120, 6);
      expect(leftEdge(line)).toBeGreaterThanOrEqual(-EPSILON);
    }
    // The first line holds the first words.
    expect(lineText(layout.lines[0]!).startsWith('هذه')).toBe(true);
  });

  it("centres 'center' lines", () => {
    for (const line of lay(SENTENCE, width, { align: 'center' }).lines) {
      expect(leftEdge(line)).toBeGreaterThan(0);
      expect(leftEdge(line)).toBeCloseTo(width - rightEdge(line), 6);
    }
  });
});

describe('mixed directions', () => {
  it('puts the Arabic run right of the Latin run in an RTL paragraph, keeping runs in logical order', () => {
    const width = 300;
    const [line, ...rest] = lay('مخبز Acme 24', width, { direction: 'rtl', lang: 'ar' }).lines;
    expect(rest).toEqual([]);
    const arabic = runWith(line!, 'مخبز');
    const latin = runWith(line!, 'Acme');
    expect(arabic.rtl).toBe(true);
    expect(latin.rtl).toBe(false);
    expect(latin.text).toContain('24');
    expect(arabic.x).toBeGreaterThanOrEqual(latin.x + latin.width - EPSILON);
    expect(arabic.x + arabic.width).toBeCloseTo(width, 6);
    // Logical order in the returned line: Arabic first.
    expect(line![0]).toBe(arabic);
    expect(lineText(line!)).toBe('مخبز Acme 24');
  });

  it('places an Arabic word between the English words around it in an LTR sentence', () => {
    const [line] = lay('Welcome to مخبز today', 400).lines;
    const before = runWith(line!, 'Welcome');
    const arabic = runWith(line!, 'مخبز');
    const after = runWith(line!, 'today');
    expect(arabic.rtl).toBe(true);
    expect(before.x).toBeCloseTo(0, 6);
    expect(arabic.x).toBeGreaterThanOrEqual(before.x + before.width - EPSILON);
    expect(after.x).toBeGreaterThanOrEqual(arabic.x + arabic.width - EPSILON);
    expect(lineText(line!)).toBe('Welcome to مخبز today');
  });

  it('reverses the order of RTL words on a line but not of the letters inside a Latin name', () => {
    const [line] = lay('مرحبا بكم في Acme Bakery اليوم', 400, { direction: 'rtl', lang: 'ar' }).lines;
    const first = runWith(line!, 'مرحبا');
    const name = runWith(line!, 'Acme');
    const last = runWith(line!, 'اليوم');
    expect(last.x).toBeLessThan(name.x);
    expect(name.x).toBeLessThan(first.x);
    expect(name.text).toContain('Acme Bakery');
  });

  // BUG: embeddingLevels hands the text to bidi-js, which reads each half of a surrogate pair
  // as a strong LTR letter (see bidi.test.ts). Two astral emoji in an Arabic sentence then
  // form an LTR run and are drawn in LTR order: 👍 left of 👎, where RTL order puts 👎 on the left.
  it('draws astral emoji in an Arabic sentence in RTL order (BUG: surrogates read as L)', () => {
    const [line] = lay('أحب 👍 👎 كثيرا', 300, { direction: 'rtl', lang: 'ar' }).lines;
    const glyphs = placedGlyphs(line!);
    const up = glyphs.find((glyph) => glyph.text === '👍')!;
    const down = glyphs.find((glyph) => glyph.text === '👎')!;
    expect(down.x).toBeLessThan(up.x);
  });
});

describe('CJK', () => {
  it('wraps between ideographs and keeps lines left aligned', () => {
    const text = '我们的店铺欢迎所有人光临本店请遵守规定';
    const width = 50;
    const layout = lay(text, width, { lang: 'zh-Hans' });
    expect(layout.lines.length).toBeGreaterThan(3);
    expect(layout.brokeWord).toBe(false);
    expect(layout.lines.map(lineText).join('')).toBe(text);
    for (const line of layout.lines) {
      expect(leftEdge(line)).toBeCloseTo(0, 6);
      expect(rightEdge(line)).toBeLessThanOrEqual(width + EPSILON);
    }
    // 12 pt ideographs are 12 pt wide: four fit in 50 pt, and every line but the last is full.
    for (const line of layout.lines.slice(0, -1)) expect([...lineText(line)]).toHaveLength(4);
  });
});

describe('normalization', () => {
  it('lays out a decomposed é like the precomposed one', () => {
    const [composed] = lay('Café', 200).lines;
    const [decomposed] = lay('Cafe\u0301', 200).lines;
    expect(lineText(decomposed!)).toBe('Café');
    expect(decomposed!.flatMap((run) => run.glyphs.map((glyph) => glyph.id))).toEqual(
      composed!.flatMap((run) => run.glyphs.map((glyph) => glyph.id)),
    );
    expect(rightEdge(decomposed!)).toBeCloseTo(rightEdge(composed!), 6);
  });
});

describe('business data', () => {
  it('keeps the text of isolated spans, and never changes the spans passed in', () => {
    const spans = Object.freeze([
      Object.freeze({ text: 'Welcome to ', bold: false }),
      Object.freeze({ text: 'مخبز 24', bold: true, isolate: true }),
      Object.freeze({ text: '!', bold: false }),
    ]);
    const [line] = lay(spans, 400).lines;
    expect(lineText(line!)).toBe('Welcome to مخبز 24!');
    expect(runWith(line!, 'مخبز').font.face.weight).toBe(700);
    expect(runWith(line!, 'Welcome').font.face.weight).toBe(400);
    // The number stays with the Arabic name: left of it, and left of the "!" that ends the sentence.
    const number = runWith(line!, '24');
    const arabic = runWith(line!, 'مخبز');
    const bang = runWith(line!, '!');
    expect(number.x).toBeLessThan(arabic.x);
    expect(bang.x).toBeGreaterThanOrEqual(arabic.x + arabic.width - EPSILON);
  });
});
