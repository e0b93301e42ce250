import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertInside } from '../contained-path.js';
import { formatProblem, TemplateError, UsageError, type Problem } from '../errors.js';
import { BUILTIN_LOCALES } from '../paths.js';
import { parseStringsJson, readLocaleText, type Parsed, type StringTree } from './locale-file.js';
import { checkLocale } from './locale-check.js';
import { parseMeta, parseNotes, type LocaleMeta } from './locale-meta.js';
import { readTranslatedFrom } from './translated-from.js';
import { readGlossary } from './glossary.js';

export type { LocaleMeta } from './locale-meta.js';
export type { Locale } from './locale.js';
import type { Locale } from './locale.js';
export { matchLanguage, matchLanguages, suggestLanguage } from '../read/language-match.js';

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
    for (const { folder, name } of localeFolders(dir)) {
      for (const file of readdirSync(folder)) assertInside(dir, join(folder, file), '--locales');
      found.delete(name);
      found.set(name, readLocaleSource(folder, name));
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

/** Reads one locale folder whole: meta.yaml, notes.yaml (optional), every *.json namespace, translated-from.yaml and glossary.yaml. */
export function readLocaleSource(dir: string, code: string): LocaleSource {
  const head = readLocaleHead(dir, code);
  const body = readLocaleBody(dir);
  const problems = [...head.problems, ...body.problems];
  if (!head.meta || !body.value || problems.length > 0) return { code, dir, problems };
  return { code, dir, problems, locale: { code, dir, meta: head.meta, ...body.value } };
}

/** What a catalog reads of every locale up front: the folder name's check and meta.yaml (names, direction, status). */
function readLocaleHead(dir: string, code: string): { meta?: LocaleMeta; problems: Problem[] } {
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
  return meta.ok ? { meta: meta.value, problems } : { problems };
}

type LocaleBody = Pick<Locale, 'namespaces' | 'notes' | 'translatedFrom' | 'glossary'>;

/** notes.yaml (optional; English has one), read and parsed. */
function readLocaleNotes(dir: string): Parsed<Record<string, string>> {
  const notesFile = join(dir, 'notes.yaml');
  if (!existsSync(notesFile)) return { ok: true, value: {} };
  const notesText = readLocaleText(notesFile);
  return notesText.ok ? parseNotes(notesText.value, notesFile) : notesText;
}

/**
 * The strings and what goes with them, read when a locale is first used.
 * `notes: false` leaves notes.yaml for later (an empty object stands in), and
 * `glossary: false` glossary.yaml (none stands in): only checks and exports
 * read the translator notes and the glossary, never a render.
 */
function readLocaleBody(
  dir: string,
  { notes: withNotes = true, glossary: withGlossary = true } = {},
): { value?: LocaleBody; problems: Problem[] } {
  const problems: Problem[] = [];
  let notes: Record<string, string> = {};
  if (withNotes) {
    const parsed = readLocaleNotes(dir);
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
  const glossary = withGlossary ? readGlossary(dir) : { ok: true as const, value: undefined };
  if (!glossary.ok) problems.push(...glossary.problems);
  if (!translatedFrom.ok || !glossary.ok || problems.length > 0) return { problems };
  return {
    value: {
      namespaces,
      notes,
      ...(translatedFrom.value ? { translatedFrom: translatedFrom.value } : {}),
      ...(glossary.value ? { glossary: glossary.value } : {}),
    },
    problems,
  };
}

const malformed = (problems: readonly Problem[]): TemplateError =>
  new TemplateError(
    `${problems.length === 1 ? 'a locale file is' : 'locale files are'} malformed:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}\nRun "placard locales check" for every problem.`,
  );

/**
 * A locale whose strings are read on first use (any of namespaces, notes,
 * translatedFrom, glossary): a run reads only the languages it prints. A
 * malformed file throws then, as a TemplateError naming the file.
 */
function lazyLocale(dir: string, code: string, meta: LocaleMeta, vet: (locale: Locale) => readonly Problem[], builtIn: boolean): Locale {
  let body: LocaleBody | undefined;
  let notes: Record<string, string> | undefined;
  let glossary: { value: LocaleBody['glossary'] } | undefined;
  const load = (): LocaleBody => {
    if (!body) {
      if (!builtIn) for (const file of readdirSync(dir)) assertInside(join(dir, '..'), join(dir, file), '--locales');
      // A built-in locale's notes (English's are 30 KB of YAML) and glossary (YAML the fast readers do not take)
      // wait for the first caller that reads them, as its reviewed status waits for `locales check`: the tests
      // check all three. A user's are read with its strings.
      const read = readLocaleBody(dir, { notes: !builtIn, glossary: !builtIn });
      if (!read.value || read.problems.length > 0) throw malformed(read.problems);
      const problems = vet({ code, dir, meta, ...read.value });
      if (problems.length > 0) throw malformed(problems);
      body = read.value;
    }
    return body;
  };
  const loadNotes = (): Record<string, string> => {
    if (!builtIn) return load().notes;
    load();
    if (!notes) {
      const read = readLocaleNotes(dir);
      if (!read.ok) throw malformed(read.problems);
      notes = read.value;
    }
    return notes;
  };
  const loadGlossary = (): LocaleBody['glossary'] => {
    if (!builtIn) return load().glossary;
    load();
    if (!glossary) {
      const read = readGlossary(dir);
      if (!read.ok) throw malformed(read.problems);
      glossary = { value: read.value };
    }
    return glossary.value;
  };
  return {
    code,
    dir,
    meta,
    get namespaces() {
      return load().namespaces;
    },
    get notes() {
      return loadNotes();
    },
    get translatedFrom() {
      return load().translatedFrom;
    },
    get glossary() {
      return loadGlossary();
    },
  };
}

/**
 * The locales placard renders with: built-in, then each user folder
 * (`--locales DIR`), read from disk on each call (a session calls it once
 * and keeps the catalog, so preparing again sees an edit). Only meta.yaml is
 * read up front; each locale's strings are read when first used, so a run
 * reads the languages it prints and no others. A malformed file is a
 * TemplateError naming the file, line and column: meta.yaml's here, the
 * others' when the locale is first used.
 *
 * Built-in locales marked reviewed are checked against English by
 * `placard locales check` and the tests, not on every start. Their files
 * are placard's own: no link among them is checked for leading out of the
 * folder, as a user folder's files are (resolving every file's path cost a
 * cold render ~5 ms of CPU, measured 2026-12-03). A user
 * folder's reviewed locale is checked when first used (nothing else has
 * checked it), and refused if it fails.
 */
export function localeCatalog(userDirs: readonly string[]): ReadonlyMap<string, Locale> {
  const found = new Map<string, Locale>();
  const problems: Problem[] = [];
  const vetUser = (locale: Locale): readonly Problem[] => (locale.meta.status === 'reviewed' ? reviewedButFailing(locale, found) : []);
  for (const dir of [BUILTIN_LOCALES, ...userDirs.map(checkUserDir)]) {
    const builtIn = dir === BUILTIN_LOCALES;
    for (const { folder, name } of localeFolders(dir)) {
      if (!builtIn) assertInside(dir, join(folder, 'meta.yaml'), '--locales');
      const head = readLocaleHead(folder, name);
      problems.push(...head.problems);
      found.delete(name);
      if (head.meta) found.set(name, lazyLocale(folder, name, head.meta, builtIn ? () => [] : vetUser, builtIn));
    }
  }
  if (problems.length === 0 && !found.has('en'))
    problems.push({ file: BUILTIN_LOCALES, message: 'there is no English master locale (en)' });
  if (problems.length > 0) throw malformed(problems);
  return found;
}

/** The locale folders directly inside `dir`, refusing a link out of it. */
function localeFolders(dir: string): { folder: string; name: string }[] {
  const folders: { folder: string; name: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const folder = join(dir, entry.name);
    if (entry.isSymbolicLink()) assertInside(dir, folder, '--locales');
    if (isFolder(folder) && isLocaleFolder(folder)) folders.push({ folder, name: entry.name });
  }
  return folders;
}

/**
 * A user's locale marked reviewed must pass the string checks against
 * English (keys, placeholders, plurals, notes); one that does not is not
 * used. (Font coverage is left to `locales check`, which draws every string.)
 */
function reviewedButFailing(locale: Locale, catalog: ReadonlyMap<string, Locale>): Problem[] {
  const { errors } = checkLocale(locale, locale.code === 'en' ? locale : catalog.get('en')!);
  if (errors.length === 0) return [];
  return [
    ...errors,
    {
      file: join(locale.dir, 'meta.yaml'),
      field: 'status',
      message: 'is "reviewed" but the locale fails the check; fix it, or set status: draft until a reviewer signs off again',
    },
  ];
}

/** Reads the given locales' strings now (a malformed file throws here), instead of on first use. */
export function readStrings(catalog: ReadonlyMap<string, Locale>, codes: readonly string[]): void {
  for (const code of new Set(codes)) void catalog.get(code)?.namespaces;
}

let builtin: ReadonlyMap<string, Locale> | undefined;

/**
 * The built-in locales, read once per process: for `serve`'s own page
 * strings and language lists, which a long-running server shows on every
 * request. Sessions never use this (they read their catalog in `prepare`).
 */
export function locales(): ReadonlyMap<string, Locale> {
  builtin ??= localeCatalog([]);
  return builtin;
}
