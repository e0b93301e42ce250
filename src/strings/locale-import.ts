import { join } from 'node:path';
import type { Problem } from '../errors.js';
import { writeSafely } from '../write/safe-output.js';
import type { Locale } from './locale.js';
import { flattenStrings, placeholderList, placeholders, translationTextProblem } from './locale-check.js';
import type { StringTree } from './locale-file.js';
import { stringsJson } from './locale-scaffold.js';
import { confirmStrings } from './locale-confirm.js';
import { englishHash } from './translated-from.js';
import type { TranslationEntry } from './translation-entries.js';
import { PLURAL_KEY } from './plural-forms.js';

export interface ImportResult {
  /** Strings that changed: key, old text (empty when new), new text. */
  readonly changed: readonly { key: string; from: string; to: string }[];
  /** Entries left out on purpose: fuzzy, untranslated. */
  readonly skipped: readonly { key: string; why: string }[];
  /** Entries refused: broken placeholders, unknown keys, English changed since export. */
  readonly refused: readonly Problem[];
  /** Keys whose translated-from record now names today's English (they were stale, untracked, or changed). */
  readonly confirmed: readonly string[];
  /** Files rewritten: namespace files, and translated-from.yaml. */
  readonly written: readonly string[];
}

/**
 * Merges translated entries into a locale's JSON. Only final entries whose
 * key is English's, whose English is still the same and whose placeholders
 * match English are taken; every other entry is reported, and the rest are
 * still imported. A namespace is rewritten only when one of its strings
 * changed, so an import of an unedited export changes no byte.
 */
export async function importEntries(
  locale: Locale,
  master: Locale,
  entries: readonly TranslationEntry[],
  file: string,
  date?: string,
): Promise<ImportResult> {
  const english = flattenStrings(master);
  const current = flattenStrings(locale);
  const records = locale.translatedFrom ?? {};
  const toConfirm: string[] = [];
  const changed: { key: string; from: string; to: string }[] = [];
  const skipped: { key: string; why: string }[] = [];
  const refused: Problem[] = [];
  const updates = new Map<string, Map<string, string>>();
  for (const entry of entries) {
    const where = { file, ...(entry.line !== undefined ? { line: entry.line } : {}), field: entry.key, key: entry.key };
    const base = PLURAL_KEY.exec(entry.key)?.[1];
    const source = english.get(entry.key) ?? (base !== undefined ? english.get(`${base}_other`) : undefined);
    if (source === undefined) {
      refused.push({ ...where, message: 'is not a key of the English master; it was left out' });
      continue;
    }
    if (entry.state !== 'final') {
      skipped.push({ key: entry.key, why: entry.state });
      continue;
    }
    if (entry.source !== source) {
      refused.push({
        ...where,
        value: entry.source,
        message: `was translated from older English; English now reads "${source}". Export again and translate the new text`,
      });
      continue;
    }
    const want = placeholders(source).join(', ');
    const have = placeholders(entry.target).join(', ');
    if (want !== have) {
      refused.push({
        ...where,
        value: entry.target,
        message: `has placeholders ${placeholderList(entry.target)} but English has ${placeholderList(source)}; it was left out. Keep each {{…}} exactly as in English`,
      });
      continue;
    }
    const bad = translationTextProblem(entry.target);
    if (bad) {
      refused.push({ ...where, value: entry.target, message: `${bad}; it was left out` });
      continue;
    }
    const target = entry.target.normalize('NFC');
    const from = current.get(entry.key) ?? '';
    const record = records[entry.key];
    const unchanged = from === target && current.has(entry.key);
    if (!unchanged && date && record?.imported && Date.parse(date) < Date.parse(record.imported)) {
      refused.push({
        ...where,
        value: entry.target,
        message: `this file was saved ${date}, before the last import of this key (a file saved ${record.imported}); importing it would undo newer work. Export again and make the change there`,
      });
      continue;
    }
    // A final entry translated from today's English confirms it, changed or not.
    if (!unchanged || record?.sha256 !== englishHash(source)) toConfirm.push(entry.key);
    if (unchanged) continue;
    changed.push({ key: entry.key, from, to: target });
    const [namespace, path] = [entry.key.slice(0, entry.key.indexOf(':')), entry.key.slice(entry.key.indexOf(':') + 1)];
    const namespaceUpdates = updates.get(namespace) ?? new Map<string, string>();
    namespaceUpdates.set(path, target);
    updates.set(namespace, namespaceUpdates);
  }
  const written: string[] = [];
  let updated = locale;
  for (const [namespace, values] of updates) {
    let tree: StringTree = locale.namespaces[namespace] ?? {};
    for (const [path, value] of values) tree = withValue(tree, path.split('.'), value);
    const target = join(locale.dir, `${namespace}.json`);
    await writeSafely(target, new TextEncoder().encode(stringsJson(tree)));
    written.push(target);
    updated = { ...updated, namespaces: { ...updated.namespaces, [namespace]: tree } };
  }
  let confirmed: readonly string[] = [];
  if (toConfirm.length > 0) {
    const stamp = date ?? new Date().toISOString();
    const result = await confirmStrings(updated, master, toConfirm, new Map(toConfirm.map((key) => [key, stamp])));
    confirmed = result.confirmed;
    if (result.file) written.push(result.file);
  }
  return { changed, skipped, refused, confirmed, written };
}

/** A copy of the tree with one value set; existing keys keep their place, new ones go last. */
function withValue(tree: StringTree, path: readonly string[], value: string): StringTree {
  const [head, ...rest] = path;
  const child = tree[head!];
  const next = rest.length === 0 ? value : withValue(typeof child === 'object' ? child : {}, rest, value);
  return { ...tree, [head!]: next };
}
