import { po, type GetTextTranslation, type GetTextTranslations } from 'gettext-parser';
import { UsageError } from '../errors.js';
import { PLACARD_VERSION } from '../paths.js';
import type { Locale } from './locale-catalog.js';
import { gettextCategories, gettextPluralForms } from './plural-forms.js';
import type { TranslationEntry, TranslationFile } from './translation-entries.js';

/** The PO Language header writes tags with "_" (zh_Hans, pt_BR); placard's tags use "-". */
export const poLanguage = (code: string): string => code.replaceAll('-', '_');

/**
 * A PO file for a locale: msgctxt is the key, msgid the English, msgstr the
 * translation, and the translator note an extracted comment (#.). Headers
 * carry the language, UTF-8 and the language's Plural-Forms. The same
 * locale always gives the same bytes.
 */
export function writePo(locale: Locale, entries: readonly TranslationEntry[]): string {
  const translations: Record<string, Record<string, GetTextTranslation>> = { '': { '': { msgid: '', msgstr: [''] } } };
  const categories = gettextCategories(locale.code);
  for (const entry of entries) {
    const plural = entry.plural;
    if (plural && categories.includes(entry.key.slice(plural.base.length + 1))) {
      // One entry with msgid_plural for the forms gettext counts; the rest stay entries of their own.
      if (translations[plural.base]) continue;
      const forms = categories.map((category) => entries.find((candidate) => candidate.key === `${plural.base}_${category}`)?.target ?? '');
      translations[plural.base] = {
        [plural.one]: {
          msgctxt: plural.base,
          msgid: plural.one,
          msgid_plural: plural.other,
          msgstr: forms,
          ...(entry.note ? { comments: { extracted: entry.note } } : {}),
        },
      };
      continue;
    }
    translations[entry.key] = {
      [entry.source]: {
        msgctxt: entry.key,
        msgid: entry.source,
        msgstr: [entry.target],
        ...(entry.note ? { comments: { extracted: entry.note } } : {}),
      },
    };
  }
  const table: GetTextTranslations = {
    charset: 'utf-8',
    headers: {
      'Project-Id-Version': `placard ${PLACARD_VERSION}`,
      'PO-Revision-Date': `${locale.meta.date} 00:00+0000`,
      'Last-Translator': locale.meta.translators.join(', '),
      'Language-Team': `${locale.meta.english_name} (${locale.meta.status})`,
      Language: poLanguage(locale.code),
      'MIME-Version': '1.0',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
      'Plural-Forms': gettextPluralForms(locale.code),
      'X-Source-Language': 'en',
    },
    translations,
  };
  return po.compile(table, { foldLength: 0 }).toString('utf8') + '\n';
}

/**
 * Reads a PO file's entries: msgctxt is the key; "fuzzy" and empty msgstr
 * are not final. A plural entry gives one entry per form, in the CLDR
 * categories of `lang` (default: the file's Language header).
 */
export function readPo(text: string, file: string, lang?: string): TranslationFile {
  let table: GetTextTranslations;
  try {
    table = po.parse(text, { validation: true });
  } catch (error) {
    throw new UsageError(`${file}: not a valid PO file: ${(error as Error).message}`);
  }
  // A PO file without a header entry, or with an entry and no msgstr, is still a PO file: read what is there.
  const language = table.headers?.Language?.trim().replaceAll('_', '-');
  const categories = gettextCategories(lang ?? language ?? 'en');
  const entries: TranslationEntry[] = [];
  for (const [context, byId] of Object.entries(table.translations ?? {})) {
    for (const [msgid, translation] of Object.entries(byId)) {
      if (context === '' && msgid === '') continue;
      const fuzzy = (translation.comments?.flag ?? '').split(/[,\s]+/).includes('fuzzy');
      if (translation.msgid_plural !== undefined) {
        categories.forEach((category, index) => {
          const target = translation.msgstr?.[index] ?? '';
          const source = category === 'one' ? msgid : translation.msgid_plural!;
          entries.push({
            key: `${context}_${category}`,
            source,
            target,
            state: target === '' ? 'untranslated' : fuzzy ? 'fuzzy' : 'final',
          });
        });
        continue;
      }
      const target = translation.msgstr?.[0] ?? '';
      entries.push({
        key: context,
        source: msgid,
        target,
        state: target === '' ? 'untranslated' : fuzzy ? 'fuzzy' : 'final',
      });
    }
  }
  return { ...(language ? { language } : {}), entries };
}
