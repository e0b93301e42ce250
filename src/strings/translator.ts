import i18next, { type i18n } from 'i18next';
import { TemplateError } from '../errors.js';
import type { Locale } from './locale-catalog.js';

/** Looks up one string in one language; values are interpolated, never escaped (Handlebars escapes once). */
export type Translate = (lang: string, key: string, values?: Record<string, string>) => string;

const instances = new WeakMap<ReadonlyMap<string, Locale>, i18n>();

function instanceFor(catalog: ReadonlyMap<string, Locale>): i18n {
  let instance = instances.get(catalog);
  if (!instance) {
    const resources = Object.fromEntries([...catalog].map(([code, locale]) => [code, locale.namespaces]));
    instance = i18next.createInstance();
    void instance.init({
      resources,
      lng: 'en',
      fallbackLng: false,
      defaultNS: 'common',
      ns: [...new Set([...catalog.values()].flatMap((locale) => Object.keys(locale.namespaces)))],
      interpolation: { escapeValue: false },
      returnNull: false,
      returnEmptyString: false,
      initAsync: false,
      showSupportNotice: false,
    } as Parameters<i18n['init']>[0]);
    instances.set(catalog, instance);
  }
  return instance;
}

/**
 * A translate function over the given locales. A missing string is an
 * error, never a silent fallback. Results are kept: templates ask for the
 * same strings with the same placeholder markers on every notice.
 */
export function translator(catalog: ReadonlyMap<string, Locale>): Translate {
  let translate = translators.get(catalog);
  if (!translate) {
    translate = makeTranslator(instanceFor(catalog));
    translators.set(catalog, translate);
  }
  return translate;
}

const translators = new WeakMap<ReadonlyMap<string, Locale>, Translate>();

function makeTranslator(instance: i18n): Translate {
  const done = new Map<string, string>();
  return (lang, key, values = {}) => {
    const id = `${lang}\u0000${key}\u0000${JSON.stringify(values)}`;
    let text = done.get(id);
    if (text === undefined) {
      if (!instance.exists(key, { lng: lang })) {
        throw new TemplateError(`the ${lang} locale has no string "${key}"; run "placard locales check ${lang}"`);
      }
      text = instance.t(key, { ...values, lng: lang });
      if (done.size > 10_000) done.clear();
      done.set(id, text);
    }
    return text;
  };
}
