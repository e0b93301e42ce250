import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../errors.js';
import type { Locale } from './locale.js';
import { jsonKeyPosition } from './locale-file.js';
import { codeOf, printable, textProblem } from '../contract/text-hygiene.js';
import { PLURAL_KEY, cldrCategories } from './plural-forms.js';

/** What `locales check` found: errors fail the check, warnings do not. */
export interface Findings {
  readonly errors: Problem[];
  readonly warnings: Problem[];
}

/** Every string of a locale by namespaced key, e.g. "private-areas:title". Plural forms keep their suffix. */
export function flattenStrings(locale: Pick<Locale, 'namespaces'>): Map<string, string> {
  const flat = new Map<string, string>();
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === 'string') flat.set(prefix, value);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(prefix.endsWith(':') ? `${prefix}${key}` : `${prefix}.${key}`, child);
    }
  };
  for (const [namespace, strings] of Object.entries(locale.namespaces)) walk(`${namespace}:`, strings);
  return flat;
}

const PLACEHOLDER = /\{\{\s*([^}\s,]+)[^}]*\}\}/g;

/** Placeholders as a translator typed them, for messages: "{{contact}}, {{role}}", or "none". */
export function placeholderList(text: string): string {
  const found = [...text.matchAll(PLACEHOLDER)].map((match) => match[0]).sort();
  return found.length > 0 ? found.join(', ') : 'none';
}

/** The longest translation placard accepts: the longest English string is a few hundred characters. */
export const MAX_TRANSLATION_CHARS = 2000;

const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

/**
 * Why a translation cannot be printed, or undefined: control characters
 * (ESC, BEL…), bidi embeddings, overrides and isolates (which can reorder
 * what a reader sees; the renderer sets direction itself), damaged text,
 * or more than MAX_TRANSLATION_CHARS characters.
 */
export function translationTextProblem(text: string): string | undefined {
  const bidi = BIDI_CONTROL.exec(text)?.[0];
  if (bidi !== undefined) {
    return `contains the bidi control ${codeOf(bidi)}, which can reorder what a reader sees; remove it (placard sets each language's direction)`;
  }
  if (text.length > MAX_TRANSLATION_CHARS) {
    return `is ${text.length} characters long; a translation is at most ${MAX_TRANSLATION_CHARS} (the English is a sentence or two)`;
  }
  return textProblem(text);
}

/** The placeholder names in a string, sorted: "Ask for {{contact_name}}" → ["contact_name"]. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort();
}

/** Plural groups: "ns:key" → the CLDR categories it has; only bases that have an `_other` form count. */
export function pluralGroups(keys: Iterable<string>): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const key of keys) {
    const match = PLURAL_KEY.exec(key);
    if (!match) continue;
    const group = groups.get(match[1]!) ?? new Set<string>();
    group.add(match[2]!);
    groups.set(match[1]!, group);
  }
  for (const [base, group] of groups) if (!group.has('other')) groups.delete(base);
  return groups;
}

/** The CLDR plural categories of a language, sorted, from CLDR's data (Intl falls back to English for a language ICU lacks). */
export function cldrPluralCategories(code: string): string[] {
  return cldrCategories(code).sort();
}

/** Where a key is written: its namespace file, and the line and column of the key when it is there. */
export function keyLocation(locale: Pick<Locale, 'dir'>, key: string): Pick<Problem, 'file' | 'line' | 'column'> {
  const [namespace, path = ''] = key.split(/:(.*)/s);
  const file = join(locale.dir, `${namespace}.json`);
  try {
    return { file, ...jsonKeyPosition(readFileSync(file, 'utf8'), path.split('.')) };
  } catch {
    return { file };
  }
}

/**
 * Compares a locale's strings with the English master: the same keys
 * (plural keys with the language's CLDR forms instead of English's), the
 * same placeholders, no empty or non-NFC strings; strings identical to
 * English are warnings. English itself must carry a note for every string.
 */
export function checkLocale(locale: Locale, master: Locale): Findings {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const at = (key: string) => keyLocation(locale, key);
  const strings = flattenStrings(locale);
  const english = flattenStrings(master);
  const masterPlurals = pluralGroups(english.keys());
  const plurals = pluralGroups(strings.keys());
  const isPlural = (key: string): boolean => masterPlurals.has(PLURAL_KEY.exec(key)?.[1] ?? '\u0000');
  const want = cldrPluralCategories(locale.code);
  for (const base of masterPlurals.keys()) {
    const have = [...(plurals.get(base) ?? new Set<string>())].sort();
    if (have.join() !== want.join()) {
      const other = `${base}_other`;
      errors.push({
        ...at(strings.has(other) ? other : base),
        field: base,
        key: base,
        message: `has plural forms {${have.join(', ') || 'none'}} but CLDR gives ${locale.code} {${want.join(', ')}}; write one key ${want.map((form) => `${base.split(':')[1]}_${form}`).join(', ')} each`,
      });
    }
  }
  for (const [key, source] of english) {
    const text = strings.get(key) ?? (isPlural(key) ? strings.get(key.replace(PLURAL_KEY, '$1_other')) : undefined);
    if (text === undefined) {
      if (!isPlural(key)) errors.push({ ...at(key), field: key, key: key, message: `is missing (English: "${source}")` });
      continue;
    }
    if (!strings.has(key)) continue;
    checkString(key, text, source, locale === master, at, errors, warnings);
  }
  for (const [key, text] of strings) {
    if (isPlural(key)) {
      const source = english.get(key) ?? english.get(key.replace(PLURAL_KEY, '$1_other'))!;
      if (!english.has(key)) checkString(key, text, source, false, at, errors, warnings);
      continue;
    }
    if (!english.has(key))
      errors.push({ ...at(key), field: key, key: key, message: 'is not in the English master; remove it, or add it to locales/en' });
  }
  if (locale === master) checkNotes(master, english, errors);
  return { errors, warnings };
}

function checkString(
  key: string,
  text: string,
  source: string,
  isMaster: boolean,
  at: (key: string) => Pick<Problem, 'file' | 'line' | 'column'>,
  errors: Problem[],
  warnings: Problem[],
): void {
  const where = { ...at(key), field: key, key: key, value: text };
  if (text.trim() === '') {
    errors.push({ ...at(key), field: key, key: key, message: `is empty; translate "${source}"` });
    return;
  }
  const want = placeholders(source).join(', ');
  const have = placeholders(text).join(', ');
  if (want !== have)
    errors.push({
      ...where,
      message: `has placeholders ${placeholderList(text)} but English has ${placeholderList(source)}; keep each {{…}} exactly as in English`,
    });
  const bad = translationTextProblem(text);
  if (bad) errors.push({ ...where, value: printable(text, 60), message: bad });
  if (text !== text.normalize('NFC'))
    errors.push({ ...where, message: 'is not NFC-normalised; save the file with composed characters (NFC)' });
  if (!isMaster && text === source && /\p{L}/u.test(text)) {
    warnings.push({ ...where, message: 'is the same as English; translate it, or leave it if English is right here' });
  }
}

function checkNotes(master: Locale, english: Map<string, string>, errors: Problem[]): void {
  const file = join(master.dir, 'notes.yaml');
  for (const key of english.keys()) {
    const base = PLURAL_KEY.exec(key)?.[1];
    if (!master.notes[key] && !(base && master.notes[base])) {
      errors.push({
        file,
        field: key,
        key: key,
        message: 'has no translator note; add one line saying where it is printed and what each {{…}} stands for',
      });
    }
  }
  for (const key of Object.keys(master.notes)) {
    if (!english.has(key) && !pluralGroups(english.keys()).has(key))
      errors.push({ file, field: key, key: key, message: 'is a note for a string English does not have' });
  }
}
