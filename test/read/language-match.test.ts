import { describe, expect, it } from 'vitest';
import { matchLanguage, matchLanguages, suggestLanguage } from '../../src/read/language-match.js';
import { locales } from '../../src/strings/locale-catalog.js';

const shipped = [...locales().keys()];

describe('matchLanguage', () => {
  it.each([
    ['es', 'es'],
    ['ES', 'es'],
    ['zh_hans', 'zh-Hans'],
    ['es-MX', 'es'],
    ['es_419', 'es'],
    ['pt-BR', 'pt'],
    ['en-US', 'en'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['fr-CA', 'fr'],
    ['ar-EG', 'ar'],
    ['fil', 'tl'],
    ['tl-PH', 'tl'],
  ])('%s → %s', (tag, shippedTag) => {
    expect(matchLanguage(tag, shipped)).toBe(shippedTag);
  });

  it('does not fall back across scripts or to another language', () => {
    expect(matchLanguage('pa-Arab', shipped)).toBeUndefined();
    expect(matchLanguage('sr-Latn', shipped)).toBeUndefined();
    expect(matchLanguage('de', shipped)).toBeUndefined();
    expect(matchLanguage('not a tag', shipped)).toBeUndefined();
  });

  it('keeps each language once, in the order given', () => {
    expect(matchLanguages(['es-MX', 'en', 'es', 'zh-TW'], shipped)).toEqual(['es', 'en', 'zh-Hant']);
  });
});

describe('suggestLanguage', () => {
  it('names the nearest shipped language', () => {
    expect(suggestLanguage('pa-Arab', shipped)).toBe('did you mean "pa" (Punjabi)?');
    expect(suggestLanguage('spanish', shipped)).toBe('did you mean "es" (Spanish)?');
    expect(suggestLanguage('ess', shipped)).toBe('did you mean "es" (Spanish)?');
    expect(suggestLanguage('zh-Hent', shipped)).toMatch(/did you mean "zh-Han[st]"/);
    expect(suggestLanguage('qqqqqq', shipped)).toBe('');
  });
});
