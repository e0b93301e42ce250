import { editDistance } from '../text-distance.js';
/** A tag's parts after canonicalising and adding likely subtags: zh-TW → zh, Hant; es-MX → es, Latn. */
interface TagParts {
  readonly language: string;
  readonly script: string | undefined;
}

const parts = new Map<string, TagParts | undefined>();

function tagParts(tag: string): TagParts | undefined {
  if (!parts.has(tag)) {
    let found: TagParts | undefined;
    try {
      const locale = new Intl.Locale(Intl.getCanonicalLocales(tag)[0]!).maximize();
      found = { language: locale.language, script: locale.script };
    } catch {
      found = undefined;
    }
    parts.set(tag, found);
  }
  return parts.get(tag);
}

const normalise = (code: string): string => code.trim().replaceAll('_', '-');

/**
 * The known tag a user's tag stands for. Tags match without regard to case
 * and `_` may stand for `-`; otherwise a regional or script-qualified tag
 * falls back to a known tag of the same language written in the same
 * script: es-MX → es, pt-BR → pt, en-US → en, zh-TW and zh-HK → zh-Hant,
 * zh-CN and zh-SG → zh-Hans. pa-Arab does not fall back to pa (Gurmukhi).
 */
export function matchLanguage(code: string, known: Iterable<string>): string | undefined {
  const wanted = normalise(code);
  const list = [...known];
  const exact = list.find((candidate) => candidate.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const want = tagParts(wanted);
  if (!want) return undefined;
  const sameLanguage = list.filter((candidate) => tagParts(candidate)?.language === want.language);
  return (
    sameLanguage.find((candidate) => tagParts(candidate)?.script === want.script && !candidate.includes('-')) ??
    sameLanguage.find((candidate) => tagParts(candidate)?.script === want.script)
  );
}

/** Known tags for the user's tags, each once, in the user's order; unknown tags are left out. */
export function matchLanguages(codes: readonly string[], known: Iterable<string>): string[] {
  const list = [...known];
  return [...new Set(codes.map((code) => matchLanguage(code, list)).filter((code): code is string => code !== undefined))];
}

let englishNames: Intl.DisplayNames | undefined;
/** English language names, made on first use: ICU's name data costs ~10 ms of a start that only matches tags. */
export const english = (): Intl.DisplayNames => (englishNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }));

/**
 * For a tag no known locale stands for, the nearest known one, as words
 * for a message: `did you mean "pa" (Punjabi)?`. Tries the same language in
 * another script, then a tag one typo away, then an English language name
 * ("spanish" → es). Empty when nothing is near.
 */
export function suggestLanguage(code: string, known: Iterable<string>): string {
  const wanted = normalise(code).toLowerCase();
  const list = [...known].sort();
  const language = tagParts(wanted)?.language ?? wanted.split('-')[0];
  const byLanguage = list.find((candidate) => tagParts(candidate)?.language === language);
  const byTypo = list.find((candidate) => editDistance(candidate.toLowerCase(), wanted) <= (wanted.length <= 3 ? 1 : 2));
  const byName = list.find((candidate) => {
    const name = english().of(candidate.split('-')[0]!)?.toLowerCase();
    return name !== undefined && (name === wanted || name.startsWith(`${wanted} `));
  });
  const best = byLanguage ?? byName ?? byTypo;
  if (!best) return '';
  const name = english().of(best);
  return `did you mean "${best}"${name ? ` (${name})` : ''}?`;
}

/** Levenshtein distance, for short tags. */
