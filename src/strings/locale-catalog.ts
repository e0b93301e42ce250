import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertInside } from '../contained-path.js';
import { formatProblem, TemplateError, UsageError, type Problem } from '../errors.js';
import { BUILTIN_LOCALES } from '../paths.js';
import { parseStringsJson, readLocaleText, type StringTree } from './locale-file.js';
import { checkLocale } from './locale-check.js';
import { parseMeta, parseNotes, type LocaleMeta } from './locale-meta.js';
import { readTranslatedFrom, type TranslatedFromFile } from './translated-from.js';
import { readGlossary, type Glossary } from './glossary.js';

export type { LocaleMeta } from './locale-meta.js';
export { matchLanguage, matchLanguages, suggestLanguage } from '../read/language-match.js';

export interface Locale {
  readonly code: string;
  /** The folder it was read from. */
  readonly dir: string;
  readonly meta: LocaleMeta;
  /** Namespace → i18next JSON v4 resources. */
  readonly namespaces: Readonly<Record<string, StringTree>>;
  /** Translator notes by "namespace:key" (notes.yaml; English carries them). */
  readonly notes: Readonly<Record<string, string>>;
  /** What each translation was made from (translated-from.yaml); undefined when the locale has none. */
  readonly translatedFrom?: TranslatedFromFile;
  /** The locale's legal terms (glossary.yaml); undefined when it has none. */
  readonly glossary?: Glossary;
}

/** A locale folder as found, with every problem that stops it from being used. */
export interface LocaleSource {
  readonly code: string;
  readonly dir: string;
  readonly locale?: Locale;
  readonly problems: readonly Problem[];
}

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** A folder is a locale when it holds meta.yaml. */
const isLocaleFolder = (dir: string): boolean => existsSync(join(dir, 'meta.yaml'));

/**
 * Every locale folder, built-in first and then each user folder in order: a
 * user locale with the same tag replaces the built-in one whole. Malformed
 * files are problems of their source, never exceptions.
 */
export function readLocaleSources(userDirs: readonly string[]): Map<string, LocaleSource> {
  const found = new Map<string, LocaleSource>();
  for (const dir of [BUILTIN_LOCALES, ...userDirs.map(checkUserDir)]) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const folder = join(dir, entry.name);
      if (entry.isSymbolicLink()) assertInside(dir, folder, '--locales');
      if (!isFolder(folder) || !isLocaleFolder(folder)) continue;
      for (const file of readdirSync(folder)) assertInside(dir, join(folder, file), '--locales');
      found.delete(entry.name);
      found.set(entry.name, readLocaleSource(folder, entry.name));
    }
  }
  return found;
}

function checkUserDir(dir: string): string {
  const path = resolve(dir);
  if (!existsSync(path)) throw new UsageError(`--locales ${dir}: no such folder; expected a folder of locale folders (like ./locales/es)`);
  if (!statSync(path).isDirectory()) throw new UsageError(`--locales ${dir}: is a file; expected a folder of locale folders`);
  if (isLocaleFolder(path)) {
    throw new UsageError(`--locales ${dir}: is one locale; give the folder that holds it (--locales ${join(dir, '..')})`);
  }
  return path;
}

/** Reads one locale folder: meta.yaml, notes.yaml (optional) and every *.json namespace. */
export function readLocaleSource(dir: string, code: string): LocaleSource {
  const problems: Problem[] = [];
  try {
    Intl.getCanonicalLocales(code);
  } catch {
    problems.push({
      file: dir,
      message: `the folder name "${code}" is not a BCP 47 language tag; name it like "de", "pt-BR" or "zh-Hant"`,
    });
  }
  const metaFile = join(dir, 'meta.yaml');
  const metaText = readLocaleText(metaFile);
  const meta = metaText.ok ? parseMeta(metaText.value, metaFile) : metaText;
  if (!meta.ok) problems.push(...meta.problems);
  let notes: Record<string, string> = {};
  const notesFile = join(dir, 'notes.yaml');
  if (existsSync(notesFile)) {
    const notesText = readLocaleText(notesFile);
    const parsed = notesText.ok ? parseNotes(notesText.value, notesFile) : notesText;
    if (parsed.ok) notes = parsed.value;
    else problems.push(...parsed.problems);
  }
  const namespaces: Record<string, StringTree> = {};
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const path = join(dir, file);
    const text = readLocaleText(path);
    const parsed = text.ok ? parseStringsJson(text.value, path) : text;
    if (parsed.ok) namespaces[file.slice(0, -'.json'.length)] = parsed.value;
    else problems.push(...parsed.problems);
  }
  const translatedFrom = readTranslatedFrom(dir);
  if (!translatedFrom.ok) problems.push(...translatedFrom.problems);
  const glossary = readGlossary(dir);
  if (!glossary.ok) problems.push(...glossary.problems);
  if (!meta.ok || !translatedFrom.ok || !glossary.ok || problems.length > 0) return { code, dir, problems };
  const locale: Locale = {
    code,
    dir,
    meta: meta.value,
    namespaces,
    notes,
    ...(translatedFrom.value ? { translatedFrom: translatedFrom.value } : {}),
    ...(glossary.value ? { glossary: glossary.value } : {}),
  };
  return { code, dir, problems, locale };
}

const catalogs = new Map<string, ReadonlyMap<string, Locale>>();

/**
 * The locales placard renders with: built-in, then each user folder
 * (`--locales DIR`), read once per list of folders. A malformed file is a
 * TemplateError naming the file, line and column.
 */
export function localeCatalog(userDirs: readonly string[]): ReadonlyMap<string, Locale> {
  const key = userDirs.map((dir) => resolve(dir)).join('\u0000');
  let catalog = catalogs.get(key);
  if (!catalog) {
    const sources = readLocaleSources(userDirs);
    const problems = [...sources.values()].flatMap((source) => source.problems);
    if (problems.length === 0) problems.push(...reviewedButFailing(sources));
    if (problems.length > 0) {
      throw new TemplateError(
        `${problems.length === 1 ? 'a locale file is' : 'locale files are'} malformed:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}\nRun "placard locales check" for every problem.`,
      );
    }
    catalog = new Map([...sources].map(([code, source]) => [code, source.locale!]));
    catalogs.set(key, catalog);
  }
  return catalog;
}

/**
 * A locale marked reviewed must pass the string checks against English
 * (keys, placeholders, plurals, notes); one that does not is not used.
 * (Font coverage is left to `locales check`, which draws every string.)
 */
function reviewedButFailing(sources: ReadonlyMap<string, LocaleSource>): Problem[] {
  const master = sources.get('en')?.locale;
  if (!master) return [{ file: BUILTIN_LOCALES, message: 'there is no English master locale (en)' }];
  const problems: Problem[] = [];
  for (const { locale } of sources.values()) {
    if (locale?.meta.status !== 'reviewed') continue;
    const { errors } = checkLocale(locale, master);
    if (errors.length === 0) continue;
    problems.push(...errors, {
      file: join(locale.dir, 'meta.yaml'),
      field: 'status',
      message: 'is "reviewed" but the locale fails the check; fix it, or set status: draft until a reviewer signs off again',
    });
  }
  return problems;
}

/** The built-in locales, read once per process. */
export function locales(): ReadonlyMap<string, Locale> {
  return localeCatalog([]);
}
