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

/** A translate function over the given locales. A missing string is an error, never a silent fallback. */
export function translator(catalog: ReadonlyMap<string, Locale>): Translate {
  const instance = instanceFor(catalog);
  return (lang, key, values = {}) => {
    if (!instance.exists(key, { lng: lang })) {
      throw new TemplateError(`the ${lang} locale has no string "${key}"; run "placard locales check ${lang}"`);
    }
    return instance.t(key, { ...values, lng: lang });
  };
}
