import { po, type GetTextTranslation, type GetTextTranslations } from 'gettext-parser';
import { UsageError } from '../errors.js';
import { PLACARD_VERSION } from '../paths.js';
import type { Locale } from './locale.js';
import { gettextCategories, gettextPluralForms } from './plural-forms.js';
import { sourceReferences } from './source-references.js';
import { revisionOf } from './translated-from.js';
import type { TranslationEntry, TranslationFile } from './translation-entries.js';

/** The PO Language header writes tags with "_" (zh_Hans, pt_BR); placard's tags use "-". */
export const poLanguage = (code: string): string => code.replaceAll('-', '_');

/**
 * A PO file for a locale: msgctxt is the key, msgid the English, msgstr the
 * translation, and the translator note an extracted comment (#.). Headers
 * carry the language, UTF-8 and the language's Plural-Forms. The same
 * locale always gives the same bytes.
 */
export function writePo(locale: Locale, master: Locale, entries: readonly TranslationEntry[]): string {
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
          comments: comments(master, entry, plural.base),
        },
      };
      continue;
    }
    translations[entry.key] = {
      [entry.source]: {
        msgctxt: entry.key,
        msgid: entry.source,
        msgstr: [entry.target],
        comments: comments(master, entry, entry.key),
      },
    };
  }
  const table: GetTextTranslations = {
    charset: 'utf-8',
    headers: {
      'Project-Id-Version': `placard ${PLACARD_VERSION}`,
      'PO-Revision-Date': poDate(revisionOf(locale.translatedFrom, locale.meta.date)),
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
 * An entry's comments: the translator note (#.), source references (#:),
 * flags (#,) and, for a stale translation, the English it was made from
 * (#| msgid), as msgmerge writes them, so Poedit and Weblate show the change.
 * `i18next-interpolation` is the flag Weblate's placeholder check reads for
 * {{…}} placeholders.
 */
function comments(master: Locale, entry: TranslationEntry, base: string): NonNullable<GetTextTranslation['comments']> {
  const flags = [...(entry.state === 'fuzzy' ? ['fuzzy'] : []), ...(/\{\{/.test(entry.source) ? ['i18next-interpolation'] : [])];
  return {
    ...(entry.note ? { extracted: entry.note } : {}),
    // The key comes first as a reference too: po2xliff drops msgctxt, and xliff2po brings the key back from it.
    reference: [base, ...sourceReferences(master, entry.key, base)].join('\n'),
    ...(flags.length > 0 ? { flag: flags.join(', ') } : {}),
    ...(entry.previous !== undefined ? { previous: `msgid ${poString(entry.previous)}` } : {}),
  } as NonNullable<GetTextTranslation['comments']>;
}

/** An ISO date-time as PO writes it: "2026-11-26 00:00:00+0000" (seconds kept, so an import's date round-trips). */
const poDate = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)}+0000`;

/** A PO string literal, escaped as gettext writes it. */
const poString = (text: string): string =>
  `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;

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
  for (const [msgctxt, byId] of Object.entries(table.translations ?? {})) {
    for (const [msgid, translation] of Object.entries(byId)) {
      if (msgctxt === '' && msgid === '') continue;
      // xliff2po writes no msgctxt, or the references as msgctxt when two entries share a msgid: take the key from them.
      const context =
        /\s/.test(msgctxt) || msgctxt === '' ? (keyReference(`${msgctxt} ${translation.comments?.reference ?? ''}`) ?? msgctxt) : msgctxt;
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
  const date = revisionDate(table.headers?.['PO-Revision-Date']);
  return { ...(language ? { language } : {}), ...(date ? { date } : {}), entries };
}

/** PO-Revision-Date ("2026-11-26 14:05+0100") as ISO 8601, or undefined when absent or unreadable (Poedit's "YEAR-MO-DA…" template). */
export function revisionDate(header: string | undefined): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|Z)?/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const zone = match[4] ? (match[4] === 'Z' ? 'Z' : `${match[4].slice(0, 3)}:${match[4].slice(-2)}`) : 'Z';
  const time = new Date(`${match[1]}T${match[2]}:${match[3] ?? '00'}${zone}`);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/**
 * A key given as a source reference ("#: private-areas:title"), as
 * translate-toolkit's xliff2po writes a unit id when the file has no
 * msgctxt; file references such as "locales/en/common.json:2" are not keys.
 */
function keyReference(references: string | undefined): string | undefined {
  return (references ?? '').split(/\s+/).find((reference) => /^[\w-]+:[A-Za-z_][\w.-]*$/.test(reference));
}
