import { flattenStrings } from '../strings/locale-check.js';
import { locales, matchLanguage } from '../strings/locale-catalog.js';

/** The page's own strings (namespace `serve`) in one language, English filling any gap, and how the page is laid out. */
export interface PageStrings {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly strings: Readonly<Record<string, string>>;
}

const NAMESPACE = 'serve';

/** The languages the page itself speaks: every locale with a serve.json, English first. */
export function pageLanguages(): { code: string; name: string; status: string }[] {
  return [...locales().values()]
    .filter((locale) => NAMESPACE in locale.namespaces)
    .map(({ code, meta }) => ({ code, name: meta.name, status: meta.status }))
    .sort((a, b) => (a.code === 'en' ? -1 : b.code === 'en' ? 1 : a.name.localeCompare(b.name, 'en')));
}

export function pageStrings(code: string): PageStrings {
  const catalog = locales();
  const locale = catalog.get(code) ?? catalog.get('en')!;
  const strings: Record<string, string> = {};
  for (const source of code === 'en' ? [catalog.get('en')!] : [catalog.get('en')!, locale]) {
    for (const [key, text] of flattenStrings({ namespaces: { [NAMESPACE]: source.namespaces[NAMESPACE] ?? {} } })) {
      strings[key.slice(NAMESPACE.length + 1)] = text;
    }
  }
  return { lang: locale.code, dir: locale.meta.dir === 'rtl' ? 'rtl' : 'ltr', strings };
}

/**
 * The page's language: `?lang=` when it names one the page speaks, else the
 * first of the browser's Accept-Language (by weight) that it speaks, else English.
 */
export function chooseLanguage(query: string | null, acceptLanguage: string | undefined): string {
  const spoken = pageLanguages().map((language) => language.code);
  if (query) {
    const match = matchLanguage(query.slice(0, 40), spoken);
    if (match) return match;
  }
  const wanted = (acceptLanguage ?? '')
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of wanted) {
    const match = matchLanguage(tag, spoken) ?? matchLanguage(tag.split('-')[0]!, spoken);
    if (match) return match;
  }
  return 'en';
}
