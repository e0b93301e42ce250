import { cldrPluralCategories } from './locale-check.js';

/** gettext's Plural-Forms for the languages placard knows (from GNU gettext's and CLDR's tables). */
const PLURAL_FORMS = {
  one: 'nplurals=1; plural=0;',
  notOne: 'nplurals=2; plural=(n != 1);',
  aboveOne: 'nplurals=2; plural=(n > 1);',
  ar: 'nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);',
  slavic: 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
} as const;

const BY_LANGUAGE: Readonly<Record<string, keyof typeof PLURAL_FORMS>> = {
  en: 'notOne',
  es: 'notOne',
  de: 'notOne',
  it: 'notOne',
  nl: 'notOne',
  sv: 'notOne',
  pt: 'notOne',
  ht: 'notOne',
  so: 'notOne',
  ur: 'notOne',
  bn: 'notOne',
  pa: 'notOne',
  fr: 'aboveOne',
  fil: 'aboveOne',
  tl: 'aboveOne',
  am: 'aboveOne',
  fa: 'aboveOne',
  ar: 'ar',
  ru: 'slavic',
  uk: 'slavic',
  be: 'slavic',
  vi: 'one',
  ko: 'one',
  ja: 'one',
  zh: 'one',
  my: 'one',
  hmn: 'one',
  th: 'one',
  id: 'one',
};

/** The CLDR category each gettext plural index stands for, per kind of Plural-Forms. */
const CATEGORIES: Readonly<Record<keyof typeof PLURAL_FORMS, readonly string[]>> = {
  one: ['other'],
  notOne: ['one', 'other'],
  aboveOne: ['one', 'other'],
  ar: ['zero', 'one', 'two', 'few', 'many', 'other'],
  slavic: ['one', 'few', 'many'],
};

function kind(code: string): keyof typeof PLURAL_FORMS {
  if (code.toLowerCase() === 'pt-br') return 'aboveOne';
  let language = code.split('-')[0]!.toLowerCase();
  try {
    language = new Intl.Locale(code).language;
  } catch {
    // keep the first subtag
  }
  return BY_LANGUAGE[language] ?? (cldrPluralCategories(code).length === 1 ? 'one' : 'notOne');
}

/**
 * For a PO entry with msgid_plural: the CLDR category (i18next key suffix)
 * of each msgstr[n], e.g. ru → one, few, many. CLDR categories not listed
 * (ru "other", for fractions) travel as entries of their own.
 */
export function gettextCategories(code: string): readonly string[] {
  return CATEGORIES[kind(code)];
}

/** The Plural-Forms header for a tag (pt-BR counts like French); from CLDR's categories for languages not in the table. */
export function gettextPluralForms(code: string): string {
  return PLURAL_FORMS[kind(code)]!;
}
