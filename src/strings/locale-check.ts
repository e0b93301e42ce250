import type { Problem } from '../errors.js';
import type { Locale } from './locale-catalog.js';

/** Every string of a locale by namespaced key, e.g. "private-areas:title". Plural forms keep their suffix. */
export function flattenStrings(locale: Locale): Map<string, string> {
  const flat = new Map<string, string>();
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === 'string') flat.set(prefix, value);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(prefix.endsWith(':') ? `${prefix}${key}` : `${prefix}.${key}`, child);
    }
  };
  for (const [namespace, strings] of Object.entries(locale.namespaces)) walk(`${namespace}:`, strings);
  return flat;
}

const PLACEHOLDER = /\{\{\s*([^}\s,]+)[^}]*\}\}/g;

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort();
}

/**
 * Compares a locale with the English master: the same keys, the same
 * placeholders in each string, and NFC text. Returns every problem found.
 */
export function checkLocale(locale: Locale, master: Locale): Problem[] {
  const file = `locales/${locale.code}`;
  const problems: Problem[] = [];
  const strings = flattenStrings(locale);
  const english = flattenStrings(master);
  for (const [key, source] of english) {
    const text = strings.get(key);
    if (text === undefined) {
      problems.push({ file, field: key, message: `is missing (English: "${source}")` });
      continue;
    }
    const want = placeholders(source).join(', ');
    const have = placeholders(text).join(', ');
    if (want !== have) {
      problems.push({ file, field: key, value: text, message: `has placeholders {${have}} but English has {${want}}` });
    }
    if (text !== text.normalize('NFC')) problems.push({ file, field: key, value: text, message: 'is not NFC-normalised' });
    if (text.trim() === '') problems.push({ file, field: key, message: 'is empty' });
  }
  for (const key of strings.keys()) {
    if (!english.has(key)) problems.push({ file, field: key, message: 'is not in the English master; remove it or add it to locales/en' });
  }
  return problems;
}
