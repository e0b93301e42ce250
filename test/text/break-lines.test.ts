import { describe, expect, it } from 'vitest';

import { fontSet } from '../../src/fonts/font-set.js';
import { letters } from '../../src/text/break-lines.js';
import { layoutParagraph, type ParagraphLayout, type ParagraphStyle, type PlacedRun, type TextSpan } from '../../src/text/paragraph.js';

function lay(text: string | readonly TextSpan[], width: number, style: Partial<ParagraphStyle> = {}): ParagraphLayout {
  const full: ParagraphStyle = { size: 12, leading: 1.3, align: 'start', direction: 'ltr', lang: 'en', ...style };
  const spans = typeof text === 'string' ? [{ text, bold: false }] : text;
  return layoutParagraph(spans, full, width, fontSet().chain(full.lang));
}

type Line = readonly PlacedRun[];
/** A line's typed text (no drawn hyphen, no break space). */
const typed = (line: Line): string =>
  line
    .filter((run) => !run.extra)
    .map((run) => run.text)
    .join('');
const lineTexts = (layout: ParagraphLayout): string[] => layout.lines.map(typed);
const widths = (from: number, to: number, step: number): number[] =>
  Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);

const KOREAN = '이 업소의 비공개 구역에 들어가려면 판사가 서명한 법원 영장이 필요합니다.';
const BURMESE = 'ဤလုပ်ငန်း၏ အများပြည်သူအတွက် ဖွင့်မထားသော နေရာများသို့ ဝင်ရောက်ရန် တရားသူကြီး လက်မှတ်ထိုးထားသော တရားရုံးဝရမ်း လိုအပ်ပါသည်။';

describe('Korean breaks between words only', () => {
  it('ends every line but the last at a space, at every width', () => {
    for (const width of widths(60, 300, 8)) {
      const layout = lay(KOREAN, width, { lang: 'ko' });
      const words = lineTexts(layout).flatMap((line) => line.split(' '));
      expect(words).toEqual(KOREAN.split(' '));
      for (const line of layout.lines.slice(0, -1)) expect(line.at(-1)?.extra).toBe('space');
    }
  });
});

describe('Burmese breaks between words and syllables', () => {
  /** Syllables of a Burmese text by the sylbreak rule, to check that lines start at one. */
  const syllableStart = (line: string): boolean => !/^[\p{M}]/u.test(line) && !/^.[\u103a\u1039]/u.test(line);
  const dictionary = new Set(
    [...new Intl.Segmenter('my', { granularity: 'word' }).segment(BURMESE)].map((segment) => segment.index).filter((index) => index > 0),
  );

  it('starts no line with a mark, and draws no dotted circle, at any width', () => {
    for (const width of widths(30, 400, 10)) {
      const layout = lay(BURMESE, width, { lang: 'my' });
      expect(lineTexts(layout).join('').replaceAll(' ', '')).toBe(BURMESE.replaceAll(' ', ''));
      for (const line of layout.lines) {
        expect(syllableStart(typed(line))).toBe(true);
        for (const run of line) {
          const dotted = run.font.hbFont.nominalGlyph(0x25cc);
          expect(run.glyphs.some((glyph) => glyph.id === dotted)).toBe(false);
        }
      }
    }
  });

  it('breaks at dictionary word boundaries where the words fit', () => {
    const layout = lay(BURMESE, 160, { lang: 'my' });
    expect(layout.brokeWord).toBe(false);
    expect(layout.lines.length).toBeGreaterThan(3);
    let at = 0;
    for (const line of layout.lines.slice(0, -1)) {
      at += line.map((run) => (run.extra === 'hyphen' ? '' : run.text)).join('').length;
      expect(BURMESE[at - 1] === ' ' || dictionary.has(at)).toBe(true);
    }
    // Breaks fall inside space-free phrases too, not only at spaces.
    expect(layout.lines.some((line) => line.at(-1)?.extra !== 'space')).toBe(true);
  });

  it('ends a paragraph with more than one short Burmese word where the text allows, moving whole words', () => {
    const sentence = 'ထိုသို့သော ဝရမ်းမရှိဘဲ အများပြည်သူအတွက် ဖွင့်မထားသော နေရာများသို့ ဝင်ရောက်ခြင်း သို့မဟုတ် ရှာဖွေခြင်းကို ကျွန်ုပ်တို့ သဘောမတူပါ။';
    for (const width of widths(120, 300, 5)) {
      const lines = lineTexts(lay(sentence, width, { lang: 'my' }));
      // The last line holds two words, or one whole word: never a lone particle cut off a phrase.
      const last = lines.at(-1)!;
      if (lines.length > 2) expect(last.includes(' ') || sentence.endsWith(` ${last}`)).toBe(true);
    }
  });

  it('cuts a word too long for its line between syllables, without a hyphen', () => {
    const layout = lay('လက်မှတ်ထိုးထားသော', 30, { lang: 'my' });
    expect(layout.brokeWord).toBe(true);
    const lines = lineTexts(layout);
    expect(lines.join('')).toBe('လက်မှတ်ထိုးထားသော');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(syllableStart(line)).toBe(true);
    expect(layout.lines.flat().some((run) => run.extra === 'hyphen')).toBe(false);
  });
});

describe('Chinese', () => {
  it('leaves no lone character on the last line', () => {
    for (const width of widths(60, 200, 4)) {
      const lines = lineTexts(lay('私人区域', width, { lang: 'zh-Hans', size: 30 }));
      if (lines.length > 1) expect([...lines.at(-1)!].length).toBeGreaterThan(1);
    }
    expect(lineTexts(lay('私人区域', 100, { lang: 'zh-Hans', size: 30 }))).toEqual(['私人', '区域']);
  });

  it('honours minLastLineChars, and balances lines when asked', () => {
    const title = '进入本店的非公共区域需要法官签署的令状';
    const greedy = lineTexts(lay(title, 300, { lang: 'zh-Hans', size: 24 }));
    expect(greedy.length).toBe(2);
    const min = lineTexts(lay(title, 300, { lang: 'zh-Hans', size: 24, minLastLineChars: 6 }));
    expect([...min.at(-1)!].length).toBeGreaterThanOrEqual(6);
    const balanced = lineTexts(lay(title, 300, { lang: 'zh-Hans', size: 24, balance: true }));
    expect(balanced.join('')).toBe(title);
    expect(Math.abs(balanced[0]!.length - balanced[1]!.length)).toBeLessThanOrEqual(1);
  });

  it('drops a Latin space beside full-width punctuation, and only in Han sections', () => {
    const spans = [
      { text: '非公共区域： ', bold: false },
      { text: '厨房 A', bold: false, isolate: true },
      { text: '。 这是一般信息。', bold: false },
    ];
    expect(lineTexts(lay(spans, 1000, { lang: 'zh-Hans' }))).toEqual(['非公共区域：厨房 A。这是一般信息。']);
    expect(lineTexts(lay(spans, 1000, { lang: 'en' }))).toEqual(['非公共区域： 厨房 A。 这是一般信息。']);
  });
});

describe('kept text and last-resort breaks', () => {
  it('never breaks inside a name or a link that fits on a line of its own', () => {
    const spans = [
      { text: 'Please ask for ', bold: false },
      { text: 'Cabdi Maxamed Xasan', bold: false, isolate: true },
      { text: ' at the counter, or see https://www.ilrc.org/red-cards for more.', bold: false },
    ];
    for (const width of widths(180, 400, 6)) {
      const layout = lay(spans, width);
      expect(layout.brokeKept).toBe(false);
      const lines = lineTexts(layout);
      expect(lines.some((line) => line.includes('Cabdi Maxamed Xasan'))).toBe(true);
      expect(lines.some((line) => line.includes('https://www.ilrc.org/red-cards'))).toBe(true);
    }
    const narrow = lay(spans, 70);
    expect(narrow.brokeKept).toBe(true);
    expect(lineTexts(narrow).join(' ')).toContain('Cabdi Maxamed Xasan');
  });

  it('breaks a link too long for its line after a slash, never after its hyphen', () => {
    for (const width of widths(100, 136, 2)) {
      const layout = lay('https://www.ilrc.org/red-cards', width, { size: 10 });
      expect(layout.brokeKept).toBe(true);
      const lines = lineTexts(layout);
      expect(lines).toEqual(['https://www.ilrc.org/', 'red-cards']);
    }
  });

  it('keeps an email address whole', () => {
    const lines = lineTexts(lay('Write to maria.lopez-garcia@example.org any time.', 200));
    expect(lines.some((line) => line.includes('maria.lopez-garcia@example.org'))).toBe(true);
  });

  it('hyphenates a Latin word cut at the line end; the hyphen carries no text', () => {
    const word = 'Supercalifragilisticexpialidocious';
    const layout = lay(word, 50);
    expect(layout.brokeWord).toBe(true);
    for (const line of layout.lines.slice(0, -1)) {
      const hyphen = line.find((run) => run.extra === 'hyphen');
      expect(hyphen?.text).toBe('');
      expect(hyphen?.glyphs.every((glyph) => glyph.text === '')).toBe(true);
      expect(Math.max(...line.map((run) => run.x + run.width))).toBeLessThanOrEqual(50 + 1e-6);
    }
    expect(layout.lines.at(-1)!.some((run) => run.extra)).toBe(false);
    expect(lineTexts(layout).join('')).toBe(word);
    for (const line of lineTexts(layout)) expect([...line].length).toBeGreaterThanOrEqual(2);
  });

  it('does not hyphenate Chinese', () => {
    const layout = lay('非公共区域', 20, { lang: 'zh-Hans', size: 12 });
    expect(layout.lines.flat().some((run) => run.extra === 'hyphen')).toBe(false);
  });

  it('avoids a lone short word on the last line where the text allows', () => {
    const sentence = 'Without such a warrant we do not consent to any entry or search of the non-public areas of this business today.';
    for (const width of widths(150, 500, 5)) {
      const lines = lineTexts(lay(sentence, width));
      if (lines.length > 1) expect(lines.at(-1)!.split(' ').length).toBeGreaterThan(1);
    }
  });
});

describe('letters', () => {
  const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const byGraphemes = (text: string): number => [...graphemes.segment(text)].filter(({ segment }) => /[\p{L}\p{N}]/u.test(segment)).length;

  it('counts the graphemes holding a letter or digit, as the grapheme segmenter does, with or without its short cut', () => {
    const samples = [
      'Lake Street Tortillería 7',
      'e\u0301te\u0301 (2025)',
      '\u0301a',
      'مَخْبَز الأندلس ١٢',
      '福满楼：店主、办公室。',
      'Ünïcödé – “quoted” …',
      '한국어 텍스트',
      '👩‍👩‍👧 family',
      'مخبز\u200dx\u0610',
      '',
    ];
    for (const text of samples) expect(letters(text), text).toBe(byGraphemes(text));
  });
});
