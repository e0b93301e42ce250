import { describe, expect, it } from 'vitest';

import { fontSet } from '../../src/fonts/font-set.js';
import type { LoadedFont } from '../../src/fonts/loaded-font.js';
import { clusterTexts, shape, type Direction, type ShapedRun } from '../../src/text/shape.js';

/** The bundled font a language's chain picks for `char`. */
function fontFor(char: string, lang: string): LoadedFont {
  const font = fontSet().chain(lang).pick(char, false, undefined);
  if (!font) throw new Error(`no font for ${char}`);
  return font;
}

/** The glyph texts read in logical order: drawing order for LTR, reversed for RTL. */
function logicalText(run: ShapedRun, direction: Direction): string {
  const texts = run.glyphs.map((glyph) => glyph.text);
  return (direction === 'rtl' ? texts.reverse() : texts).join('');
}

/** Characters (code points) with how often each occurs. */
function charCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

describe('clusterTexts', () => {
  it('gives each glyph its own character when every cluster has one glyph', () => {
    expect(clusterTexts('abc', [0, 1, 2], [500, 500, 500])).toEqual(['a', 'b', 'c']);
  });

  it('gives a ligature glyph both characters of its cluster', () => {
    expect(clusterTexts('fi', [0], [600])).toEqual(['fi']);
    expect(clusterTexts('xfiy', [0, 1, 3], [500, 600, 500])).toEqual(['x', 'fi', 'y']);
  });

  it('gives a trailing nonspacing mark to the zero-advance mark glyph', () => {
    expect(clusterTexts('e\u0301', [0, 0], [500, 0])).toEqual(['e', '\u0301']);
    expect(clusterTexts('ae\u0301\u0323', [0, 1, 1, 1], [500, 500, 0, 0])).toEqual(['a', 'e', '\u0301', '\u0323']);
  });

  it("gives '' to a non-advancing glyph of a cluster that has no mark character", () => {
    // A dotted letter drawn as skeleton + dot: the dot stands for no character of its own.
    expect(clusterTexts('b', [0, 0], [500, 0])).toEqual(['b', '']);
    expect(clusterTexts('bc', [0, 0, 1], [500, 0, 500])).toEqual(['b', '', 'c']);
  });

  it('shares characters among several advancing glyphs in logical order, the last taking the rest', () => {
    expect(clusterTexts('abc', [0, 0], [500, 500])).toEqual(['a', 'bc']);
  });

  it('runs the sharing backwards for RTL glyphs, which come in reverse drawing order', () => {
    expect(clusterTexts('ab', [0, 0], [500, 500], 'rtl')).toEqual(['b', 'a']);
    expect(clusterTexts('ab', [0, 0], [500, 500], 'ltr')).toEqual(['a', 'b']);
    // Arabic letters with their dots, visual order (clusters descending).
    expect(clusterTexts('بت', [1, 1, 0, 0], [0, 500, 0, 500], 'rtl')).toEqual(['', 'ت', '', 'ب']);
    // A base with a fatha mark: the mark glyph comes first in drawing order.
    expect(clusterTexts('بَ', [0, 0], [0, 500], 'rtl')).toEqual(['\u064E', 'ب']);
  });

  it('keeps surrogate pairs whole', () => {
    expect(clusterTexts('a😀', [0, 1], [500, 1000])).toEqual(['a', '😀']);
  });

  it('gives one-glyph RTL clusters their characters, in reverse drawing order', () => {
    expect(clusterTexts('لا ب', [3, 2, 0], [500, 300, 700], 'rtl')).toEqual(['ب', ' ', 'لا']);
  });

  it('leaves characters before the first cluster to no glyph', () => {
    expect(clusterTexts('abc', [1, 2], [500, 500])).toEqual(['b', 'c']);
    expect(clusterTexts('abc', [2, 1], [500, 500], 'rtl')).toEqual(['c', 'b']);
  });

  it('shares clusters out of logical order as the sharing does, not one glyph each', () => {
    // An LTR run whose glyphs came back in decreasing clusters: each still takes its own cluster's characters.
    expect(clusterTexts('abc', [2, 0], [500, 500])).toEqual(['c', 'ab']);
    // A lone non-advancing glyph with a mark: the mark is not lost to a one-glyph short cut.
    expect(clusterTexts('e\u0301x', [0, 2], [0, 500])).toEqual(['e', 'x']);
  });
});

describe('shape', () => {
  it("turns 'fi' into one ligature glyph in Noto Sans that carries both letters", () => {
    const font = fontFor('f', 'en');
    expect(font.face.family).toBe('Noto Sans');
    const run = shape(font, 'fi', 'ltr', 'en');
    expect(run.glyphs).toHaveLength(1);
    expect(run.glyphs[0]!.text).toBe('fi');
    expect(run.glyphs[0]!.id).not.toBe(0);
    expect(run.advance).toBe(run.glyphs[0]!.xAdvance);
  });

  it("shapes Arabic 'بيت' into joined glyphs in visual order", () => {
    const font = fontFor('ب', 'ar');
    expect(font.face.family).toBe('Noto Sans Arabic');
    const run = shape(font, 'بيت', 'rtl', 'ar');
    // The letters come out right to left: the last letter is drawn first (clusters descending).
    const letters = run.glyphs.filter((glyph) => glyph.xAdvance !== 0).map((glyph) => glyph.text);
    expect(letters).toEqual(['ت', 'ي', 'ب']);
    // Glyphs that do not advance (the dots) stand for no character.
    for (const glyph of run.glyphs.filter((glyph) => glyph.xAdvance === 0)) expect(glyph.text).toBe('');
    expect(logicalText(run, 'rtl')).toBe('بيت');
    // The beh is joined (initial form), not the isolated letter.
    const isolated = shape(font, 'ب', 'rtl', 'ar').glyphs.find((glyph) => glyph.xAdvance !== 0)!;
    const initial = run.glyphs.find((glyph) => glyph.text === 'ب')!;
    expect(initial.id).not.toBe(isolated.id);
  });

  it('totals the advances of its glyphs', () => {
    const run = shape(fontFor('A', 'en'), 'AVATAR office', 'ltr', 'en');
    expect(run.advance).toBe(run.glyphs.reduce((sum, glyph) => sum + glyph.xAdvance, 0));
  });

  const samples: readonly [lang: string, text: string, direction: Direction][] = [
    ['en', 'office fluffy café naïve', 'ltr'],
    ['ar', 'بيت نبيل يبني مَدْرَسَة لا إله', 'rtl'],
    ['hi', 'कर्म कि क्षत्रिय श्री हिन्दी', 'ltr'],
    ['bn', 'ঢাকা মিষ্টি ঘর কর্ম কৌশল ক্ষ', 'ltr'],
    ['my', 'အင်္ဂလိပ် ရွှေမြန်မာ လက်ဖက်ရည်ဆိုင် ကြိုး', 'ltr'],
  ];

  it.each(samples)('gives every character of a %s run to exactly one glyph, in logical order', (lang, text, direction) => {
    const first = [...text].find((char) => /\p{L}/u.test(char))!;
    const run = shape(fontFor(first, lang), text, direction, lang);
    expect(run.glyphs.every((glyph) => glyph.id !== 0)).toBe(true);
    expect(charCounts(run.glyphs.map((glyph) => glyph.text))).toEqual(charCounts([text]));
    expect(logicalText(run, direction)).toBe(text);
  });
});
