import type { Locale } from './locale-catalog.js';
import { flattenStrings } from './locale-check.js';

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
  /** Where the entry was read, for messages. */
  readonly line?: number;
}

/** A translation file as read: its language (if it says) and its entries. */
export interface TranslationFile {
  readonly language?: string;
  readonly entries: readonly TranslationEntry[];
}

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

/**
 * The entries to export for a locale, in English's order: every English
 * key (plural keys in the locale's own forms), its English source, the
 * locale's translation and the translator note.
 */
export function exportEntries(locale: Locale, master: Locale): TranslationEntry[] {
  const strings = flattenStrings(locale);
  const english = flattenStrings(master);
  const entries: TranslationEntry[] = [];
  const done = new Set<string>();
  const add = (key: string, source: string, noteKey: string): void => {
    if (done.has(key)) return;
    done.add(key);
    const target = strings.get(key) ?? '';
    const note = master.notes[noteKey];
    entries.push({ key, source, target, ...(note ? { note } : {}), state: target === '' ? 'untranslated' : 'final' });
  };
  for (const [key, source] of english) {
    const base = PLURAL.exec(key)?.[1];
    if (base !== undefined && english.has(`${base}_other`)) {
      const forms = [...strings.keys()].filter((candidate) => PLURAL.exec(candidate)?.[1] === base);
      for (const form of forms.length > 0 ? forms : [key]) add(form, english.get(form) ?? english.get(`${base}_other`)!, base);
      continue;
    }
    add(key, source, key);
  }
  return entries;
}
