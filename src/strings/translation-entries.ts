import type { Locale } from './locale.js';
import { cldrPluralCategories, flattenStrings } from './locale-check.js';
import { englishSource } from './locale-confirm.js';
import { staleStrings } from './translated-from.js';
import { PLURAL_CATEGORIES, PLURAL_KEY } from './plural-forms.js';

/** One string to translate, as it travels to and from PO and XLIFF files. */
export interface TranslationEntry {
  /** "namespace:key", e.g. "private-areas:title". */
  readonly key: string;
  /** The English text the translation was made from. */
  readonly source: string;
  /** The translation; empty when untranslated. */
  readonly target: string;
  readonly note?: string;
  /** Fuzzy entries ("needs review") and untranslated ones are never imported as final. */
  readonly state: 'final' | 'fuzzy' | 'untranslated';
  /** For one form of a plural string: its base key and the English singular and plural. */
  readonly plural?: { readonly base: string; readonly one: string; readonly other: string };
  /** For a stale translation: the English it was made from (exported as msgmerge's `#| msgid`). */
  readonly previous?: string;
  /** Where the entry was read, for messages. */
  readonly line?: number;
}

/** A translation file as read: its language (if it says) and its entries. */
export interface TranslationFile {
  readonly language?: string;
  /** When the file was last saved, as it says (PO-Revision-Date, XLIFF <file date>), ISO 8601. */
  readonly date?: string;
  readonly entries: readonly TranslationEntry[];
}

/**
 * The entries to export for a locale, in English's order: every English
 * key (plural keys in the locale's own forms), its English source, the
 * locale's translation and the translator note.
 */
export function exportEntries(locale: Locale, master: Locale): TranslationEntry[] {
  const strings = flattenStrings(locale);
  const english = flattenStrings(master);
  const stale = new Map(
    staleStrings(strings, (key) => englishSource(english, key), locale.translatedFrom).map(({ key, was }) => [key, was]),
  );
  const entries: TranslationEntry[] = [];
  const done = new Set<string>();
  const add = (key: string, source: string, noteKey: string, plural?: TranslationEntry['plural']): void => {
    if (done.has(key)) return;
    done.add(key);
    const target = strings.get(key) ?? '';
    const note = master.notes[noteKey];
    const previous = stale.get(key);
    entries.push({
      key,
      source,
      target,
      ...(note ? { note } : {}),
      state: target === '' ? 'untranslated' : previous !== undefined ? 'fuzzy' : 'final',
      ...(previous !== undefined ? { previous } : {}),
      ...(plural ? { plural } : {}),
    });
  };
  for (const [key, source] of english) {
    const base = PLURAL_KEY.exec(key)?.[1];
    if (base !== undefined && english.has(`${base}_other`)) {
      const other = english.get(`${base}_other`)!;
      const plural = { base, one: english.get(`${base}_one`) ?? other, other };
      const have = [...strings.keys()]
        .filter((candidate) => PLURAL_KEY.exec(candidate)?.[1] === base)
        .map((form) => PLURAL_KEY.exec(form)![2]!);
      const forms = [...new Set([...cldrPluralCategories(locale.code), ...have])];
      for (const form of PLURAL_CATEGORIES.filter((category) => forms.includes(category))) {
        add(`${base}_${form}`, english.get(`${base}_${form}`) ?? other, base, plural);
      }
      continue;
    }
    add(key, source, key);
  }
  return entries;
}
