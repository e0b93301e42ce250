import i18next, { type i18n } from 'i18next';
import { TemplateError } from '../errors.js';
import type { Locale } from './locale.js';
import { flattenStrings } from './locale-check.js';
import { englishSource } from './locale-confirm.js';
import { staleStrings } from './translated-from.js';
import { PLURAL_KEY } from './plural-forms.js';

/** Looks up one string in one language; values are interpolated, never escaped (Handlebars escapes once). */
export type Translate = (lang: string, key: string, values?: Record<string, string>) => string;

/** A new i18next instance for one translator: it is given each language's strings on first use (addLanguage). */
function newInstance(catalog: ReadonlyMap<string, Locale>): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: {},
    lng: 'en',
    fallbackLng: false,
    defaultNS: 'common',
    ns: Object.keys(catalog.get('en')?.namespaces ?? {}),
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  return instance;
}

/**
 * Gives i18next the language's strings the first time it is asked for
 * (reading its files then), so a run reads only the locales it prints.
 * `done` lists the languages the instance holds.
 */
function addLanguage(instance: i18n, catalog: ReadonlyMap<string, Locale>, lang: string, done: Set<string>): void {
  if (done.has(lang)) return;
  const locale = catalog.get(lang);
  for (const [namespace, strings] of Object.entries(locale?.namespaces ?? {})) instance.addResourceBundle(lang, namespace, strings);
  done.add(lang);
}

/**
 * A translate function over the given locales. A string a locale lacks, or
 * has empty, prints in English and is reported (never as its raw key); a
 * string English lacks is an error. Results are kept by the translator (a
 * session holds one): templates ask for the same strings with the same
 * placeholder markers on every notice.
 */
export function translator(catalog: ReadonlyMap<string, Locale>): Translate {
  const state: TranslatorState = { noted: new Set(), missing: new Map(), stale: new Map(), staleKeys: new Map() };
  const translate = makeTranslator(newInstance(catalog), catalog, state);
  states.set(translate, state);
  return translate;
}

interface TranslatorState {
  /** "lang\0key" already reported. */
  readonly noted: Set<string>;
  /** Reports not yet taken, by language. */
  readonly missing: Map<string, string[]>;
  readonly stale: Map<string, string[]>;
  /** Each language's stale keys, worked out on first use. */
  readonly staleKeys: Map<string, ReadonlySet<string>>;
}

/** Each translator's reports, for takeTranslationWarnings: a side table keyed by the translator, which dies with it. */
const states = new WeakMap<Translate, TranslatorState>();

/** A value no translation contains: what i18next gives back for a missing or empty string. */
const MISSING = '\u0000placard:missing\u0000';

function makeTranslator(instance: i18n, catalog: ReadonlyMap<string, Locale>, state: TranslatorState): Translate {
  const done = new Map<string, string>();
  const languages = new Set<string>();
  const note = (list: Map<string, string[]>, lang: string, key: string): void => {
    const id = `${lang}\u0000${key}`;
    if (state.noted.has(id)) return;
    state.noted.add(id);
    list.set(lang, [...(list.get(lang) ?? []), key]);
  };
  return (lang, key, values) => {
    // No values (a plain string, the list separator, a vocabulary word): the same id as an empty set of values, without serializing one.
    const id = `${lang}\u0000${key}\u0000${values === undefined ? '{}' : JSON.stringify(values)}`;
    let text = done.get(id);
    if (text === undefined) {
      addLanguage(instance, catalog, lang, languages);
      if (lang !== 'en') addLanguage(instance, catalog, 'en', languages);
      text = instance.t(key, { ...values, lng: lang, defaultValue: MISSING });
      if (text === MISSING && lang !== 'en') {
        note(state.missing, lang, key);
        text = instance.t(key, { ...values, lng: 'en', defaultValue: MISSING });
      }
      if (text === MISSING) {
        throw new TemplateError(`the ${lang} locale has no string "${key}"; run "placard locales check ${lang}"`);
      }
      if (lang !== 'en' && staleKeysOf(catalog, lang, state).has(key)) note(state.stale, lang, key);
      if (done.size > 10_000) done.clear();
      done.set(id, text);
    }
    return text;
  };
}

function staleKeysOf(catalog: ReadonlyMap<string, Locale>, lang: string, state: TranslatorState): ReadonlySet<string> {
  let keys = state.staleKeys.get(lang);
  if (!keys) {
    const locale = catalog.get(lang);
    const master = catalog.get('en');
    const english = master ? flattenStrings(master) : new Map<string, string>();
    const stale = locale ? staleStrings(flattenStrings(locale), (key) => englishSource(english, key), locale.translatedFrom) : [];
    // A plural string is asked for by its base key.
    keys = new Set(stale.flatMap(({ key }) => [key, key.replace(PLURAL_KEY, '$1')]));
    state.staleKeys.set(lang, keys);
  }
  return keys;
}

/**
 * What the translator has found since last asked, once per language and
 * key for the whole run: strings that printed in English because the
 * locale lacks them, and translations made from older English.
 */
export function takeTranslationWarnings(translate: Translate): { lang: string; message: string }[] {
  const state = states.get(translate);
  if (!state) return [];
  const warnings: { lang: string; message: string }[] = [];
  const list = (keys: readonly string[]): string =>
    `${keys
      .slice(0, 5)
      .map((key) => `"${key}"`)
      .join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`;
  for (const [lang, keys] of state.missing) {
    warnings.push({
      lang,
      message: `the ${lang} translation has no text for ${list(keys)}; ${keys.length === 1 ? 'it prints' : 'they print'} in English. Run "placard locales check ${lang}"`,
    });
  }
  for (const [lang, keys] of state.stale) {
    warnings.push({
      lang,
      message: `the ${lang} translation of ${list(keys)} was made from older English and may not say what the English says now. Run "placard locales check ${lang}"`,
    });
  }
  state.missing.clear();
  state.stale.clear();
  return warnings;
}
