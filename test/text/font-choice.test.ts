import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { fontSet } from '../../src/fonts/font-set.js';
import { chooseFonts, MissingGlyphError } from '../../src/text/font-choice.js';
import { layoutParagraph, type PlacedRun } from '../../src/text/paragraph.js';
import type { Direction } from '../../src/text/shape.js';
import { thrown } from '../helpers/thrown.js';

/** All runs of `text` laid out on one wide line. */
function runsOf(text: string, lang: string, direction: Direction = 'ltr', bold = false): PlacedRun[] {
  const layout = layoutParagraph(
    [{ text, bold }],
    { size: 12, leading: 1.3, align: 'start', direction, lang },
    10_000,
    fontSet().chain(lang),
  );
  return layout.lines.flat();
}

/** The run holding `word`. */
function runWith(runs: readonly PlacedRun[], word: string): PlacedRun {
  const run = runs.find((found) => found.text.includes(word));
  if (!run) throw new Error(`no run holds "${word}": ${runs.map((found) => JSON.stringify(found.text)).join(', ')}`);
  return run;
}

/** The font family used for `word` inside `text`. */
const familyOf = (text: string, word: string, lang: string, direction: Direction = 'ltr'): string =>
  runWith(runsOf(text, lang, direction), word).font.face.family;

describe('font choice per run', () => {
  it('uses Nastaliq for Urdu and Naskh for Arabic and Farsi, in the same script', () => {
    expect(familyOf('لاہور کباب ہاؤس', 'لاہور', 'ur', 'rtl')).toBe('Noto Nastaliq Urdu');
    expect(familyOf('قنادی شیراز', 'قنادی', 'fa', 'rtl')).toBe('Noto Sans Arabic');
    expect(familyOf('مخبز الأندلس', 'مخبز', 'ar', 'rtl')).toBe('Noto Sans Arabic');
  });

  it('uses Noto Sans Arabic for an Arabic word inside an English sentence', () => {
    const runs = runsOf('Welcome to مخبز today', 'en');
    expect(runWith(runs, 'مخبز').font.face.family).toBe('Noto Sans Arabic');
    expect(runWith(runs, 'Welcome').font.face.family).toBe('Noto Sans');
    expect(runWith(runs, 'today').font.face.family).toBe('Noto Sans');
  });

  it('uses SC for Chinese in zh-Hans and TC in zh-Hant', () => {
    expect(familyOf('Hello 世界', '世界', 'zh-Hans')).toBe('Noto Sans SC');
    expect(familyOf('Hello 世界', '世界', 'zh-Hant')).toBe('Noto Sans TC');
    expect(familyOf('Hello 世界', 'Hello', 'zh-Hant')).toBe('Noto Sans');
  });

  it('uses KR for Korean, and for Han characters in Korean text', () => {
    expect(familyOf('Hello 안녕하세요', '안녕하세요', 'en')).toBe('Noto Sans KR');
    expect(familyOf('서울 漢字', '漢字', 'ko')).toBe('Noto Sans KR');
  });

  it('uses Noto Sans Ethiopic for Amharic and Noto Sans Myanmar for Burmese', () => {
    expect(familyOf('ሰላም hello', 'ሰላም', 'am')).toBe('Noto Sans Ethiopic');
    expect(familyOf('ရွှေမြန်မာ hello', 'ရွှေမြန်မာ', 'my')).toBe('Noto Sans Myanmar');
  });

  it('uses Noto Emoji for an emoji', () => {
    expect(familyOf('Coffee 😀 here', '😀', 'en')).toBe('Noto Emoji');
  });

  it('keeps digits and spaces after Chinese in the Chinese font', () => {
    const runs = runsOf('Hello 世界 123', 'zh-Hans');
    const chinese = runWith(runs, '世界');
    expect(chinese.text).toBe('世界 123');
    expect(chinese.font.face.family).toBe('Noto Sans SC');
  });

  it('uses the bold face for bold text', () => {
    const [regular] = runsOf('Private', 'en');
    const [bold] = runsOf('Private', 'en', 'ltr', true);
    expect(regular!.font.face.weight).toBe(400);
    expect(bold!.font.face.weight).toBe(700);
    expect(bold!.font.face.family).toBe('Noto Sans');
  });
});

describe('chooseFonts', () => {
  const chain = fontSet().chain('en');

  it('gives one font per UTF-16 unit, the same for both halves of a surrogate pair', () => {
    const chars = ['a', '😀'];
    const fonts = chooseFonts(chars, [false, false], chain);
    expect(fonts).toHaveLength(3);
    expect(fonts[1]).toBe(fonts[2]);
    expect(fonts[1]!.face.family).toBe('Noto Emoji');
  });

  it('keeps a combining mark in the font of the letter before it', () => {
    const fonts = chooseFonts(['ب', '\u0301'], [false, false], chain);
    expect(fonts[1]).toBe(fonts[0]);
  });
});

describe('missing glyphs', () => {
  it.each([
    ['a private-use character', 'Acme \uE000 Bakery', '\uE000', 'U+E000'],
    ['a Linear B character', 'Acme \u{10000}', '\u{10000}', 'U+10000'],
  ])('throws MissingGlyphError naming %s', (_, text, char, code) => {
    const error = thrown(MissingGlyphError, () => runsOf(text, 'en'));
    expect(error.char).toBe(char);
    expect(error.message).toContain(code);
  });

  const names = JSON.parse(readFileSync(new URL('../fixtures/script-names.json', import.meta.url), 'utf8')) as Record<string, string>;
  const rtl = new Set(['ar', 'fa', 'ur']);

  it.each(Object.entries(names))('lays out the %s sample without glyph 0', (lang, name) => {
    const runs = runsOf(`${name} 24 (${lang})`, lang, rtl.has(lang) ? 'rtl' : 'ltr');
    const glyphs = runs.flatMap((run) => run.glyphs);
    expect(glyphs.length).toBeGreaterThan(0);
    expect(glyphs.filter((glyph) => glyph.id === 0)).toEqual([]);
    expect(runs.map((run) => run.text).join('')).toBe(`${name} 24 (${lang})`.normalize('NFC'));
  });
});
