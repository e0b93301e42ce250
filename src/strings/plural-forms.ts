import { cldrPluralCategories } from './locale-check.js';

/** gettext's Plural-Forms for the languages placard knows (from GNU gettext's and CLDR's tables). */
const PLURAL_FORMS: Readonly<Record<string, string>> = {
  one: 'nplurals=1; plural=0;',
  notOne: 'nplurals=2; plural=(n != 1);',
  aboveOne: 'nplurals=2; plural=(n > 1);',
  ar: 'nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);',
  slavic: 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
};

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

/** The Plural-Forms header for a tag (pt-BR counts like French); from CLDR's categories for languages not in the table. */
export function gettextPluralForms(code: string): string {
  if (code.toLowerCase() === 'pt-br') return PLURAL_FORMS.aboveOne!;
  let language = code.split('-')[0]!.toLowerCase();
  try {
    language = new Intl.Locale(code).language;
  } catch {
    // keep the first subtag
  }
  const known = BY_LANGUAGE[language];
  if (known) return PLURAL_FORMS[known]!;
  const categories = cldrPluralCategories(code);
  return categories.length === 1 ? PLURAL_FORMS.one! : PLURAL_FORMS.notOne!;
}
