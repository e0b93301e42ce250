import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { readTextFile } from '../read/text-file.js';
import type { Locale } from './locale.js';
import { readPo, writePo } from './po-file.js';
import { exportEntries, type TranslationFile } from './translation-entries.js';
import { readXliff, writeXliff } from './xliff-file.js';
import { revisionOf } from './translated-from.js';

export type TranslationFormat = 'po' | 'xliff';

export const FORMAT_EXTENSION: Readonly<Record<TranslationFormat, string>> = { po: 'po', xliff: 'xlf' };

/** A translation file is at most a few hundred strings. */
const MAX_TRANSLATION_FILE_BYTES = 4 * 1024 * 1024;

/** A locale as PO or XLIFF text: every English key, with the locale's translations and the translator notes. */
export async function exportLocale(locale: Locale, master: Locale, format: TranslationFormat): Promise<string> {
  const entries = exportEntries(locale, master);
  return format === 'po'
    ? writePo(locale, master, entries)
    : writeXliff(locale, master, entries, revisionOf(locale.translatedFrom, locale.meta.date));
}

/** Reads a PO or XLIFF file, telling them apart by extension, then by content. */
export async function readTranslationFile(file: string, lang?: string): Promise<TranslationFile> {
  const text = readTextFile(file, MAX_TRANSLATION_FILE_BYTES, 'translation file');
  const extension = extname(file).toLowerCase();
  const xml = ['.xlf', '.xliff', '.xml'].includes(extension) || (extension !== '.po' && /^\s*<(\?xml|xliff)/.test(text));
  if (!xml && extension !== '.po' && extension !== '.pot' && !/^\s*(#|msgid|msgctxt)/m.test(text)) {
    throw new UsageError(`${file}: expected a PO file (.po) or an XLIFF 1.2 file (.xlf, .xliff)`);
  }
  return xml ? readXliff(text, file) : readPo(text, file, lang);
}
