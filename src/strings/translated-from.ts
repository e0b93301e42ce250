import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../errors.js';
import { writeSafely } from '../write/safe-output.js';
import { parseYamlFile, readLocaleText, yamlPosition, type Parsed } from './locale-file.js';

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
  const file = join(dir, TRANSLATED_FROM_FILE);
  if (!existsSync(file)) return { ok: true, value: undefined };
  // One read, within the locale file size limit; the YAML reader only when the JSON form does not hold.
  const read = readLocaleText(file);
  if (!read.ok) return read;
  const text = read.value;
  const fast = jsonForm(text);
  if (fast) return { ok: true, value: fast };
  const parsed = parseYamlFile(text, file);
  if (!parsed.ok) return parsed;
  const { value, doc } = parsed.value;
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

/**
 * The file as placard writes it: header comments, then one JSON object with a
 * record per line. That is YAML too (YAML 1.2 reads JSON), so a translator's
 * editor and `git diff` see one key per line, and a render reads it with
 * JSON.parse instead of a YAML parse (about 100 ms of a cold render for two
 * languages, measured on 2026-12-02). Anything else, or anything doubtful
 * (a record that is not {sha256, english}, a key written twice), is left to
 * the YAML reader, which names the line.
 */
function jsonForm(text: string): TranslatedFromFile | undefined {
  const body = text.replace(/^(?:#[^\n]*\n)*/u, '');
  if (!body.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const records = value as Record<string, Partial<Record<keyof TranslatedFrom, unknown>> | null>;
  const lines = body.split('\n').filter((line) => line.startsWith('"')).length;
  if (lines !== Object.keys(records).length) return undefined;
  for (const record of Object.values(records)) {
    if (!record || typeof record !== 'object' || typeof record.sha256 !== 'string' || !/^[0-9a-f]{16}$/.test(record.sha256))
      return undefined;
    if (typeof record.english !== 'string' || (record.imported !== undefined && typeof record.imported !== 'string')) return undefined;
  }
  return records as TranslatedFromFile;
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
  const entries = Object.entries(records).map(([key, record]) => `${JSON.stringify(key)}: ${JSON.stringify(record)}`);
  const body = entries.length === 0 ? '{}\n' : `{\n${entries.join(',\n')}\n}\n`;
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
