import { describe, expect, it } from 'vitest';
import { gettextCategories, gettextPluralForms } from '../../src/strings/plural-forms.js';
import { locales } from '../../src/strings/locale-catalog.js';

/** Evaluates a Plural-Forms expression for n the way gettext does (C operators on whole numbers). */
function pluralIndex(header: string, n: number): number {
  const expression = /plural=(.*);$/.exec(header)![1]!;
  // The expressions use only n, digits, comparison, %, &&, ||, ?: and parentheses: safe to evaluate as JS.
  expect(expression).toMatch(/^[n\d\s%=!<>&|?:()]+$/);
  const value = new Function('n', `return Number(${expression});`)(n) as number;
  return value;
}

// The ten languages the issue named, and every shipped one.
const tags = ['pl', 'cs', 'he', 'cy', 'ro', 'lt', 'sl', 'ga', 'sk', 'hr', 'fr', 'pt', 'pt-BR', ...locales().keys()];

describe('Plural-Forms from CLDR', () => {
  for (const tag of tags) {
    it(`${tag}: every msgstr index agrees with Intl.PluralRules for 0…1000`, () => {
      const header = gettextPluralForms(tag);
      const categories = gettextCategories(tag);
      expect(header).toMatch(new RegExp(`^nplurals=${categories.length}; plural=`));
      // Intl answers for a language ICU lacks (hmn, ht) with the default locale's rules; CLDR's root has only "other".
      const known = Intl.PluralRules.supportedLocalesOf(tag).length > 0;
      const rules = known ? new Intl.PluralRules(tag) : { select: () => 'other' };
      for (let n = 0; n <= 1000; n++) {
        expect(categories[pluralIndex(header, n)], `${tag} n=${n}`).toBe(rules.select(n));
      }
    });
  }

  it('gives Polish three forms, as gettext does, and Arabic six', () => {
    expect(gettextPluralForms('pl')).toBe(
      'nplurals=3; plural=((n == 1) ? 0 : ((n % 10 >= 2 && n % 10 <= 4) && (n % 100 < 12 || n % 100 > 14)) ? 1 : 2);',
    );
    expect(gettextCategories('pl')).toEqual(['one', 'few', 'many']);
    expect(gettextCategories('ar')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(gettextPluralForms('hmn')).toBe('nplurals=1; plural=0;');
  });
});
