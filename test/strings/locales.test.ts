import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../../src/checks/font-coverage.js';
import { fontSet } from '../../src/fonts/font-set.js';
import { locales } from '../../src/strings/locale-catalog.js';
import { checkLocale, flattenStrings } from '../../src/strings/locale-check.js';

const REQUIRED = [
  'en',
  'es',
  'zh-Hans',
  'zh-Hant',
  'tl',
  'vi',
  'ar',
  'fr',
  'ko',
  'ru',
  'ht',
  'pt',
  'so',
  'hmn',
  'am',
  'fa',
  'ur',
  'bn',
  'pa',
  'my',
];
const catalog = locales();
const english = catalog.get('en')!;

describe('the shipped locales', () => {
  it('include every required language', () => {
    expect([...catalog.keys()]).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('mark every unreviewed translation as a draft', () => {
    for (const [code, { meta }] of catalog) {
      if (meta.status === 'reviewed') expect(meta.reviewers.length, code).toBeGreaterThan(0);
      else expect(meta.status, code).toBe('draft');
    }
  });

  it('give right-to-left direction to Arabic-script languages only', () => {
    const rtl = [...catalog].filter(([, locale]) => locale.meta.dir === 'rtl').map(([code]) => code);
    expect(rtl.sort()).toEqual(['ar', 'fa', 'prs', 'ps', 'ur']);
  });

  // Start-up no longer checks the built-in reviewed locales (a run reads only the languages it prints): this does.
  it('every locale marked reviewed, English included, passes the string checks against English', () => {
    const reviewed = [...catalog.values()].filter((locale) => locale.meta.status === 'reviewed');
    expect(reviewed.map((locale) => locale.code)).toContain('en');
    for (const locale of reviewed) expect(checkLocale(locale, english).errors, locale.code).toEqual([]);
  });

  for (const code of [...catalog.keys()].filter((code) => code !== 'en')) {
    it(`${code} has exactly English's keys and placeholders`, () => {
      expect(checkLocale(catalog.get(code)!, english).errors).toEqual([]);
    });

    it(`${code} can be drawn: every character has a font`, () => {
      const locale = catalog.get(code)!;
      const coverage = checkCoverage([...flattenStrings(locale).values()], code, locale.meta.dir, fontSet());
      expect(coverage.missing).toEqual([]);
    });
  }
});

describe('the English master', () => {
  it('carries a translator note for every string', () => {
    expect(checkLocale(english, english).errors).toEqual([]);
    expect(Object.keys(english.notes).length).toBe(flattenStrings(english).size);
  });
});

describe('checkLocale', () => {
  const broken = {
    code: 'xx',
    dir: '/nowhere/xx',
    notes: {},
    meta: english.meta,
    namespaces: {
      common: { not_advice: 'Consejo', extra: 'sobra' },
      'private-areas': { ...(english.namespaces['private-areas'] as Record<string, string>), ask_for: 'Pregunte por {{name}}.' },
    },
  };

  it('finds missing keys, extra keys and changed placeholders, all at once', () => {
    const problems = checkLocale(broken, english).errors;
    const fields = problems.map((problem) => problem.field);
    expect(fields).toContain('common:scan_label');
    expect(fields).toContain('common:extra');
    expect(problems.find((problem) => problem.field === 'private-areas:ask_for')?.message).toMatch(/\{name\}.*\{contact_name\}/);
  });
});
