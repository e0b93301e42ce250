import { describe, expect, it } from 'vitest';
import { knownLanguages, languageTagForName, matchLanguageWord, readLanguages, splitLanguages } from '../../src/read/language-names.js';
import { locales } from '../../src/strings/locale-catalog.js';

const shipped = knownLanguages(locales());

describe('splitLanguages', () => {
  it.each([
    ['English, Spanish', ['English', 'Spanish']],
    ['es;so', ['es', 'so']],
    ['English/Somali', ['English', 'Somali']],
    ['Spanish and Somali', ['Spanish', 'Somali']],
    ['English & Hmong\nVietnamese', ['English', 'Hmong', 'Vietnamese']],
    [' en , es ', ['en', 'es']],
    ['Haitian Creole', ['Haitian Creole']],
  ])('%j → %j', (text, words) => {
    expect(splitLanguages(text)).toEqual(words);
  });
});

describe('matchLanguageWord', () => {
  it.each([
    ['es', 'es'],
    ['ES', 'es'],
    ['es-MX', 'es'],
    ['zh_hant', 'zh-Hant'],
    ['Spanish', 'es'],
    ['SPANISH', 'es'],
    ['Español', 'es'],
    ['espanol', 'es'],
    ['Farsi', 'fa'],
    ['Persian', 'fa'],
    ['فارسی', 'fa'],
    ['Tagalog', 'tl'],
    ['Filipino', 'tl'],
    ['Bengali', 'bn'],
    ['Bangla', 'bn'],
    ['বাংলা', 'bn'],
    ['Burmese', 'my'],
    ['Myanmar', 'my'],
    ['Somali', 'so'],
    ['Soomaali', 'so'],
    ['Hmong', 'hmn'],
    ['Hmong (White Hmong)', 'hmn'],
    ['Haitian Creole', 'ht'],
    ['Kreyòl ayisyen', 'ht'],
    ['Chinese (Traditional)', 'zh-Hant'],
    ['Traditional Chinese', 'zh-Hant'],
    ['Simplified Chinese', 'zh-Hans'],
    ['简体中文', 'zh-Hans'],
    ['繁體中文', 'zh-Hant'],
    ['Tiếng Việt', 'vi'],
    ['vietnamese', 'vi'],
  ])('%s → %s', (word, code) => {
    expect(matchLanguageWord(word, shipped)).toEqual({ code });
  });

  it('asks which script for "Chinese" when both are known, and takes the one when only one is', () => {
    const asked = matchLanguageWord('Chinese', shipped);
    expect('problem' in asked && asked.problem).toMatch(/two scripts; say which: "zh-Hans" .* or "zh-Hant"/);
    expect(matchLanguageWord('chinese', ['en', 'zh-Hant'])).toEqual({ code: 'zh-Hant' });
  });

  it('gives one suggestion for a near miss, never the whole list', () => {
    const typo = matchLanguageWord('Spansh', shipped);
    expect('problem' in typo && typo.problem).toBe('unknown language "Spansh"; did you mean "es" (Spanish)?');
    const far = matchLanguageWord('Klingon', shipped);
    expect('problem' in far && far.problem).toBe('unknown language "Klingon"; "placard locales list" shows the languages placard knows');
  });

  it("uses placard's own english_name and name for a locale Intl does not name", () => {
    expect(matchLanguageWord('Plattdüütsch', [{ code: 'nds', name: 'Plattdüütsch', english_name: 'Low German' }])).toEqual({ code: 'nds' });
    expect(matchLanguageWord('low german', [{ code: 'nds', name: 'Plattdüütsch', english_name: 'Low German' }])).toEqual({ code: 'nds' });
  });
});

describe('readLanguages', () => {
  it('reads a city cell: names, codes and separators mixed, each language once', () => {
    expect(readLanguages('English, Spanish; so/Somali and Español', shipped)).toEqual({ codes: ['en', 'es', 'so'], problems: [] });
  });

  it('reads list entries from YAML the same way', () => {
    expect(readLanguages(['English', 'Farsi, Tagalog'], shipped)).toEqual({ codes: ['en', 'fa', 'tl'], problems: [] });
  });

  it('keeps the good languages and reports each unknown one', () => {
    expect(readLanguages('English, Klingon', shipped)).toEqual({ codes: ['en'], problems: [expect.stringContaining('"Klingon"')] });
  });
});

describe('languageTagForName (locales new)', () => {
  it.each([
    ['German', 'de'],
    ['Deutsch', 'de'],
    ['de-CH', 'de-CH'],
    ['Farsi', 'fa'],
    ['Traditional Chinese', 'zh-Hant'],
  ])('%s → %s', (word, tag) => {
    expect(languageTagForName(word)).toBe(tag);
  });
});
