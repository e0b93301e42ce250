import type { Problem } from '../errors.js';
import type { Locale } from './locale.js';
import { flattenStrings } from './locale-check.js';
import { recordOf, writeTranslatedFrom, type TranslatedFrom } from './translated-from.js';
import { PLURAL_KEY } from './plural-forms.js';

/** The English a locale's key is translated from: the same key, or for a plural form English's `_other`. */
export function englishSource(english: ReadonlyMap<string, string>, key: string): string | undefined {
  return english.get(key) ?? (PLURAL_KEY.test(key) ? english.get(key.replace(PLURAL_KEY, '$1_other')) : undefined);
}

export interface ConfirmResult {
  /** Keys whose record changed (they were stale or untracked). */
  readonly confirmed: readonly string[];
  readonly problems: readonly Problem[];
  readonly file?: string;
}

/**
 * Records today's English as what the given keys (default: every translated
 * key) were made from: for a translator who has redrafted them by hand, or
 * checked that they still say what English says. Keys that are not English's
 * or not translated are problems and are left as they were.
 */
export async function confirmStrings(
  locale: Locale,
  master: Locale,
  keys: readonly string[] | undefined,
  imported?: ReadonlyMap<string, string>,
): Promise<ConfirmResult> {
  const english = flattenStrings(master);
  const strings = flattenStrings(locale);
  const records = new Map<string, TranslatedFrom>(Object.entries(locale.translatedFrom ?? {}));
  const problems: Problem[] = [];
  const confirmed: string[] = [];
  const wanted = keys ?? [...strings.keys()].filter((key) => strings.get(key)!.trim() !== '');
  for (const key of wanted) {
    const source = englishSource(english, key);
    if (source === undefined) {
      problems.push({ field: key, key: key, message: `is not a key of the English master (keys look like "private-areas:title")` });
      continue;
    }
    if ((strings.get(key) ?? '').trim() === '') {
      problems.push({ field: key, key: key, message: 'is not translated in this locale; translate it first' });
      continue;
    }
    const before = records.get(key);
    const after = recordOf(source, imported?.get(key) ?? before?.imported);
    if (before?.sha256 === after.sha256 && before.english === after.english && before.imported === after.imported) continue;
    records.set(key, after);
    confirmed.push(key);
  }
  if (confirmed.length === 0 && locale.translatedFrom) return { confirmed, problems };
  // English's order, so the file reads like the strings and diffs stay small.
  const order = [...english.keys(), ...strings.keys()];
  const sorted = [...records].sort(([a], [b]) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  const file = await writeTranslatedFrom(locale.dir, Object.fromEntries(sorted));
  return { confirmed, problems, file };
}

function rank(order: readonly string[], key: string): number {
  const at = order.indexOf(key);
  return at < 0 ? order.length : at;
}
