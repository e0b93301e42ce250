import { createHash } from 'node:crypto';
import { join } from 'node:path';
import YAML from 'yaml';
import type { Problem } from '../errors.js';
import { writeSafely } from '../write/safe-output.js';
import { readOptionalLocaleYaml, yamlPosition, type Parsed } from './locale-file.js';

/**
 * What each translation of a locale was made from, kept beside its strings
 * in `translated-from.yaml`: per "namespace:key", the SHA-256 of the English
 * it was translated from (first 16 hex digits), that English text itself (so
 * an export can show the translator what changed, as msgmerge's `#| msgid`
 * does; git history is not always there, a user's locale folder has none),
 * and the revision date of the last translation file imported for the key.
 * A translation whose recorded hash is not the hash of today's English is
 * stale.
 */
export interface TranslatedFrom {
  readonly sha256: string;
  readonly english: string;
  /** ISO date-time of the translation file last imported for this key (its PO-Revision-Date or XLIFF date). */
  readonly imported?: string;
}

export type TranslatedFromFile = Readonly<Record<string, TranslatedFrom>>;

export const TRANSLATED_FROM_FILE = 'translated-from.yaml';

/** The hash recorded for an English text. */
export const englishHash = (english: string): string => createHash('sha256').update(english, 'utf8').digest('hex').slice(0, 16);

/** Reads a locale's translated-from.yaml; undefined when the locale has none. */
export function readTranslatedFrom(dir: string): Parsed<TranslatedFromFile | undefined> {
  const read = readOptionalLocaleYaml(dir, TRANSLATED_FROM_FILE);
  if (!read.ok) return read;
  if (read.value === undefined) return { ok: true, value: undefined };
  const { file, text, value, doc } = read.value;
  const records: Record<string, TranslatedFrom> = {};
  const problems: Problem[] = [];
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    return { ok: false, problems: [{ file, message: 'expected a mapping of "namespace:key" to {sha256, english}' }] };
  }
  for (const [key, record] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    const entry = record as Partial<Record<keyof TranslatedFrom, unknown>> | null;
    if (!entry || typeof entry.sha256 !== 'string' || !/^[0-9a-f]{16}$/.test(entry.sha256) || typeof entry.english !== 'string') {
      problems.push({
        file,
        ...yamlPosition(doc, text, [key]),
        field: key,
        key: key,
        message: 'expected sha256 (16 hex digits) and english (the English text it was translated from)',
      });
      continue;
    }
    const imported = entry.imported;
    records[key] = {
      sha256: entry.sha256,
      english: entry.english,
      ...(typeof imported === 'string' ? { imported } : imported instanceof Date ? { imported: imported.toISOString() } : {}),
    };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: records };
}

/** A record of the English a translation was made from. */
export const recordOf = (english: string, imported?: string): TranslatedFrom => ({
  sha256: englishHash(english),
  english,
  ...(imported ? { imported } : {}),
});

/** Writes translated-from.yaml atomically, keys in the order given. */
export async function writeTranslatedFrom(dir: string, records: TranslatedFromFile): Promise<string> {
  const file = join(dir, TRANSLATED_FROM_FILE);
  const header =
    '# What each translation here was made from: the SHA-256 (first 16 hex digits) of its English, and that English.\n' +
    '# When English changes, the translation is stale until a translator redrafts and confirms it\n' +
    '# ("placard locales confirm <lng> --key ns:key", or importing the entry as final). Written by placard; see locales/README.md.\n';
  const body = Object.keys(records).length === 0 ? '{}\n' : YAML.stringify(records, { lineWidth: 0 });
  await writeSafely(file, new TextEncoder().encode(header + body));
  return file;
}

/** One stale translation: the English it was made from (when recorded) and English now. */
export interface StaleString {
  readonly key: string;
  readonly was: string;
  readonly now: string;
}

/**
 * The translations made from English that has changed since: every key the
 * locale translates (non-empty) whose recorded hash differs from today's
 * English. Keys with no record are not stale, only untracked.
 */
export function staleStrings(
  strings: ReadonlyMap<string, string>,
  english: (key: string) => string | undefined,
  records: TranslatedFromFile | undefined,
): StaleString[] {
  if (!records) return [];
  const stale: StaleString[] = [];
  for (const [key, text] of strings) {
    const now = english(key);
    const record = records[key];
    if (now === undefined || text.trim() === '' || !record) continue;
    if (record.sha256 !== englishHash(now)) stale.push({ key, was: record.english, now });
  }
  return stale;
}

/** The revision date an export carries: the newest import recorded for the locale, else its meta.yaml date (ISO 8601). */
export function revisionOf(records: TranslatedFromFile | undefined, metaDate: string): string {
  const dates = Object.values(records ?? {})
    .map((record) => record.imported)
    .filter((date): date is string => date !== undefined && !Number.isNaN(Date.parse(date)));
  const meta = new Date(`${metaDate}T00:00:00Z`).toISOString();
  return [meta, ...dates].reduce((a, b) => (Date.parse(b) > Date.parse(a) ? new Date(b).toISOString() : a));
}
