import { describe, expect, it } from 'vitest';

import { breakOpportunities, syllableBoundary, takesHyphen, wordBoundaries } from '../../src/text/line-breaks.js';

const positions = (text: string): number[] => breakOpportunities(text).map((o) => o.position);

describe('break opportunities', () => {
  it('keeps Korean words whole (keep-all) but breaks after spaces', () => {
    const text = '판사가 서명한 법원 영장이 필요합니다.';
    expect(positions(text)).toEqual([4, 8, 11, 15, text.length]);
  });

  it('breaks Chinese between characters, never before closing punctuation', () => {
    const text = '需要令状。这是';
    const found = positions(text);
    expect(found).toContain(1);
    expect(found).not.toContain(4);
    expect(found).toContain(5);
  });

  it('breaks Thai, Lao, Khmer and Burmese at dictionary word boundaries', () => {
    const thai = 'ภาษาไทยเป็นภาษาที่ไม่มีช่องว่าง';
    const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(thai)].map((s) => s.index).filter((i) => i > 0);
    expect(positions(thai)).toEqual([...words, thai.length]);
    const burmese = 'တရားသူကြီးလက်မှတ်ထိုးထားသော';
    expect(positions(burmese)).toEqual([10, 21, 24, burmese.length]);
  });

  it('keeps Burmese sentence punctuation on the word before it', () => {
    const text = 'လိုအပ်ပါသည်။';
    expect(positions(text)).not.toContain(text.indexOf('။'));
  });
});

describe('syllable boundaries', () => {
  it('never starts a Burmese line with a mark or with a consonant its asat closes', () => {
    const word = 'မှတ်';
    expect(syllableBoundary(word, 1)).toBe(false); // before the medial ှ
    expect(syllableBoundary(word, 2)).toBe(false); // before တ, which ် closes into this syllable
    expect(syllableBoundary('ကြိမ်', 3)).toBe(false);
    expect(syllableBoundary('မှတ်ကြိမ်', 4)).toBe(true);
  });

  it('never breaks after a stacking virama or before a Thai following vowel', () => {
    expect(syllableBoundary('မဏ္ဍပ', 3)).toBe(false);
    expect(syllableBoundary('กะ', 1)).toBe(false);
    expect(syllableBoundary('เก', 1)).toBe(false);
    expect(syllableBoundary('क्ष', 2)).toBe(false);
    expect(syllableBoundary('ਸ੍ਵ', 2)).toBe(false);
  });

  it('cuts a long Burmese word between syllables only', () => {
    const word = 'လက်မှတ်ထိုး';
    expect(wordBoundaries(word, 0, word.length)).toEqual([3, 7, word.length]);
  });
});

describe('hyphens', () => {
  it('go between Latin, Cyrillic or Greek letters only', () => {
    expect(takesHyphen('kamadeed', 3)).toBe(true);
    expect(takesHyphen('требуется', 4)).toBe(true);
    expect(takesHyphen('区域', 1)).toBe(false);
    expect(takesHyphen('လက်မှတ်', 3)).toBe(false);
  });
});
