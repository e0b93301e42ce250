import { english as englishNames, matchLanguage, suggestLanguage } from './language-match.js';
import { editDistance } from '../text-distance.js';

/**
 * Languages as people write them, for every place a person types some:
 * `--lang`, a batch's languages column, `locales new`, `init`. One word is a
 * BCP 47 tag (`es`, `zh_hant`, `es-MX`), an English name ("Spanish"), the
 * language's own name ("Español"), placard's `english_name`, or a common
 * name ("Farsi", "Filipino", "Bangla", "Myanmar"), in any case, with or
 * without accents. A list separates words with commas, semicolons, slashes,
 * "and", "&" or line breaks. "Chinese" alone names two scripts, so it is a
 * question back, unless only one of them is known.
 */

/** A language placard knows: its tag, and the names its meta.yaml gives (`name`, `english_name`), if at hand. */
export interface KnownLanguage {
  readonly code: string;
  readonly name?: string;
  readonly english_name?: string;
}

export type KnownLanguages = readonly (string | KnownLanguage)[];

/** The languages of a locale catalog, sorted by tag, with their meta.yaml names. */
export function knownLanguages(
  locales: ReadonlyMap<string, { readonly meta: { readonly name: string; readonly english_name: string } }>,
): KnownLanguage[] {
  return [...locales]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, { meta }]) => ({ code, name: meta.name, english_name: meta.english_name }));
}

export type LanguageWord = { readonly code: string } | { readonly problem: string };

/** Names people use that Intl's English and own names miss, by the tag they stand for. */
const COMMON_NAMES: Readonly<Record<string, readonly string[]>> = {
  es: ['spanish', 'espanol', 'castellano'],
  tl: ['tagalog', 'filipino', 'pilipino', 'fil'],
  fa: ['farsi', 'persian', 'parsi'],
  bn: ['bengali', 'bangla'],
  my: ['burmese', 'myanmar', 'bamar'],
  ht: ['haitian creole', 'haitian', 'creole', 'kreyol', 'kreyol ayisyen'],
  hmn: ['hmong', 'white hmong', 'hmong daw', 'hmoob'],
  so: ['somali', 'soomaali', 'af soomaali'],
  pa: ['punjabi', 'panjabi'],
  'zh-Hans': ['simplified chinese', 'chinese simplified', 'simplified', '简体中文', '中文简体', '简体', '简体字'],
  'zh-Hant': ['traditional chinese', 'chinese traditional', 'traditional', '繁體中文', '繁体中文', '中文繁體', '繁體', '繁體字'],
};

/** Words for Chinese that do not say which script. */
const CHINESE = new Set(['chinese', '中文', 'mandarin', 'cantonese', '汉语', '漢語', '华语', '華語', 'zhongwen']);

const SEPARATORS = /\s*(?:[,;/|&+\n\r\u3001\uff0c\uff1b]|\band\b)\s*/i;

/** The words of a list as written ("English, Spanish", "es;so", "English/Somali", "Spanish and Somali"), blanks dropped. */
export function splitLanguages(text: string | readonly string[]): string[] {
  const parts = typeof text === 'string' ? [text] : text;
  return parts
    .flatMap((part) => part.split(SEPARATORS))
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

/** A name's key: lower case, Latin accents dropped, brackets and dashes as spaces, words in sorted order ("Chinese (Traditional)" = "traditional chinese"). */
export function nameKey(word: string): string {
  let text = word.normalize('NFKC').toLowerCase();
  if (/^[\p{Script=Latin}\p{M}\s\p{P}]*$/u.test(text)) text = text.normalize('NFD').replace(/\p{M}/gu, '');
  return text
    .replace(/[()[\]{}.,'"_\-–—:]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

function ownName(code: string): string | undefined {
  try {
    return new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
}

interface NameIndex {
  readonly codes: readonly string[];
  /** Name key → the tags it names (two or more: ambiguous). */
  readonly names: ReadonlyMap<string, readonly string[]>;
  readonly english: ReadonlyMap<string, string>;
}

const indexes = new Map<string, NameIndex>();

function nameIndex(known: KnownLanguages): NameIndex {
  const cacheKey = known.map((item) => (typeof item === 'string' ? item : `${item.code}=${item.name}=${item.english_name}`)).join('\n');
  const cached = indexes.get(cacheKey);
  if (cached) return cached;
  const codes = known.map((item) => (typeof item === 'string' ? item : item.code));
  const names = new Map<string, string[]>();
  const english = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    const key = nameKey(name);
    if (key === '') return;
    const list = names.get(key) ?? [];
    if (!list.includes(code)) list.push(code);
    names.set(key, list);
  };
  for (const item of known) {
    const code = typeof item === 'string' ? item : item.code;
    const meta: Partial<KnownLanguage> = typeof item === 'string' ? {} : item;
    english.set(code, meta.english_name ?? englishNames().of(code) ?? code);
    for (const name of [meta.name, meta.english_name, englishNames().of(code), ownName(code)]) add(name, code);
  }
  for (const [tag, common] of Object.entries(COMMON_NAMES)) {
    const code = matchLanguage(tag, codes);
    if (code && (tag.includes('-') ? code === tag : true)) for (const name of common) add(name, code);
  }
  const index = { codes, names, english };
  if (indexes.size > 50) indexes.clear();
  indexes.set(cacheKey, index);
  return index;
}

/**
 * A word written as one of the known tags (`es`, `ZH-hans`), which no name
 * from a meta.yaml or placard's common names stands for: that tag, found
 * without building the name index (whose ICU language names cost ~10 ms of
 * a start). ICU's own names are not looked at: a known tag typed as it is
 * spelled means that tag.
 */
function plainTag(word: string, known: KnownLanguages): string | undefined {
  if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(word)) return undefined;
  const wanted = word.toLowerCase();
  const key = nameKey(word);
  if (CHINESE.has(key)) return undefined;
  let found: string | undefined;
  for (const item of known) {
    const code = typeof item === 'string' ? item : item.code;
    if (code.toLowerCase() === wanted) {
      if (found !== undefined) return undefined;
      found = code;
    }
    if (typeof item !== 'string' && [item.name, item.english_name].some((name) => name !== undefined && nameKey(name) === key))
      return undefined;
  }
  if (found === undefined || Object.values(COMMON_NAMES).some((names) => names.some((name) => nameKey(name) === key))) return undefined;
  return found;
}

/** The known tag one word stands for, or a problem that asks the one question that settles it. */
export function matchLanguageWord(word: string, known: KnownLanguages): LanguageWord {
  const plain = plainTag(word.trim(), known);
  if (plain !== undefined) return { code: plain };
  const index = nameIndex(known);
  const trimmed = word.trim();
  const key = nameKey(trimmed);
  if (CHINESE.has(key)) return chinese(trimmed, index);
  const byName = index.names.get(key);
  if (byName?.length === 1) return { code: byName[0]! };
  if (/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(trimmed)) {
    const byTag = matchLanguage(trimmed, index.codes);
    if (byTag) return { code: byTag };
  }
  if (byName && byName.length > 1)
    return { problem: `"${shown(trimmed)}" could be ${byName.map((code) => named(code, index)).join(' or ')}; write the tag` };
  const hint = suggestion(trimmed, index);
  return {
    problem: unknownLanguage(trimmed, hint ? `did you mean ${hint}?` : '"placard locales list" shows the languages placard knows'),
  };
}

let everyLanguage: KnownLanguage[] | undefined;

/**
 * For `locales new`: the tag a word names among every language CLDR knows
 * ("German" → de, "Farsi" → fa), or the word itself when it is not a name
 * (a tag like "de-CH", left for the caller to check).
 */
export function languageTagForName(word: string): string {
  if (/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(word.trim()) && nameKey(word) !== 'fil') return word.trim();
  if (!everyLanguage) {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const codes = [...letters].flatMap((a) => [...letters].map((b) => a + b));
    everyLanguage = [...codes, 'hmn', 'fil', 'yue', 'zh-Hans', 'zh-Hant']
      .filter((code) => englishNames().of(code) !== undefined && !/^(zh|fil)$/.test(code))
      .map((code) => ({ code }));
  }
  const found = matchLanguageWord(word, everyLanguage);
  return 'code' in found ? found.code : word.trim();
}

/** The one way placard says it does not know a language a person wrote, and what to do instead. */
export function unknownLanguage(word: string, advice: string): string {
  return `unknown language "${shown(word)}"; ${advice}`;
}

/** Every language of a list, each once, in the order written; `problems` holds one line per word that is not a known language. */
export function readLanguages(text: string | readonly string[], known: KnownLanguages): { codes: string[]; problems: string[] } {
  const codes: string[] = [];
  const problems: string[] = [];
  for (const word of splitLanguages(text)) {
    const found = matchLanguageWord(word, known);
    if ('problem' in found) problems.push(found.problem);
    else if (!codes.includes(found.code)) codes.push(found.code);
  }
  return { codes, problems };
}

/** The tag's English name in a message: `"es" (Spanish)`. */
function named(code: string, index: NameIndex): string {
  return `"${code}" (${index.english.get(code) ?? code})`;
}

function chinese(word: string, index: NameIndex): LanguageWord {
  const scripts = index.codes.filter((code) => /^zh\b/i.test(code));
  if (scripts.length === 1) return { code: scripts[0]! };
  if (scripts.length === 0) return { problem: unknownLanguage(word, 'no Chinese translation is installed') };
  return {
    problem:
      `"${shown(word)}" is written in two scripts; say which: "zh-Hans" (Simplified, as in mainland China) ` +
      `or "zh-Hant" (Traditional, as in Taiwan and Hong Kong)`,
  };
}

/** One suggestion: by tag (same language, a typo), else the nearest name a typo or two away. */
function suggestion(word: string, index: NameIndex): string | undefined {
  if (/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(word)) {
    const byTag = suggestLanguage(word, index.codes);
    const tag = /did you mean "([^"]+)"/.exec(byTag)?.[1];
    if (tag) return named(tag, index);
  }
  const key = nameKey(word);
  let best: { code: string; cost: number } | undefined;
  for (const [name, codes] of index.names) {
    if (codes.length !== 1) continue;
    const cost = editDistance(key, name);
    if (cost <= Math.max(1, Math.floor(key.length / 4)) && (!best || cost < best.cost)) best = { code: codes[0]!, cost };
  }
  return best ? named(best.code, index) : undefined;
}

function shown(word: string): string {
  const printable = word.replace(/[\p{Cc}\p{Cf}]/gu, '');
  return printable.length > 30 ? `${printable.slice(0, 30)}…` : printable;
}
