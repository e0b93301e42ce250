import { search } from '@inquirer/prompts';
import type { Locale } from '../strings/locale-catalog.js';
import type { Contexts } from './prompt-context.js';

/** One language as init offers it: its own name with the English name beside it, and what typing may match. */
export interface LanguageChoice {
  readonly name: string;
  readonly value: string;
  /** The code, the English name and the language's own name, folded for matching. */
  readonly keys: readonly string[];
}

const DONE = '\u0000done';

/** Lower case without accents, so "espanol" finds Español and "SOOMAALI" finds Soomaali. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
}

/** Each language by its own name, with the English name beside it; English first. */
export function languageChoices(catalog: ReadonlyMap<string, Locale>): LanguageChoice[] {
  return [...catalog.entries()]
    .map(([code, { meta }]) => ({
      name: meta.name === meta.english_name ? meta.name : `${meta.name} (${meta.english_name})`,
      value: code,
      keys: [code, meta.english_name, meta.name].map(fold),
      sort: code === 'en' ? '' : meta.english_name,
    }))
    .sort((a, b) => a.sort.localeCompare(b.sort, 'en'))
    .map(({ name, value, keys }) => ({ name, value, keys }));
}

/**
 * The languages a typed term finds, best first: the code itself, then names
 * that start with the term, then names that contain it. An empty term finds
 * every language, in the usual order.
 */
export function filterLanguages(choices: readonly LanguageChoice[], term: string | undefined): LanguageChoice[] {
  const wanted = fold(term ?? '');
  if (wanted === '') return [...choices];
  const rank = (choice: LanguageChoice): number => {
    if (choice.keys[0] === wanted) return 0;
    if (choice.keys.some((key) => key.startsWith(wanted) || key.split(/[\s()-]+/).some((word) => word.startsWith(wanted)))) return 1;
    return choice.keys.some((key) => key.includes(wanted)) ? 2 : 3;
  };
  return choices
    .map((choice, index) => ({ choice, index, rank: rank(choice) }))
    .filter(({ rank }) => rank < 3)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ choice }) => choice);
}

/**
 * Asks for the notice's languages one at a time in a list that filters as
 * the person types (a code, an English name or the language's own name):
 * Somali is "so" or "soo" away instead of fifteen arrow presses. English is
 * chosen to begin with; choosing a chosen language again takes it out, and
 * "Done" (first when nothing is typed) ends the question.
 */
export async function askLanguages(
  context: Contexts,
  catalog: ReadonlyMap<string, Locale>,
  first: readonly string[] = ['en'],
): Promise<string[]> {
  const choices = languageChoices(catalog);
  const nameOf = (code: string): string => catalog.get(code)?.meta.name ?? code;
  let chosen = first.filter((code) => catalog.has(code));
  for (;;) {
    const picked = await search(
      {
        message:
          chosen.length === 0
            ? 'Which languages should the notice speak? Type a few letters of a language (its name or code), then Enter to add it:'
            : `Which languages should the notice speak? Chosen: ${chosen.map(nameOf).join(', ')}. Type to add another, or press Enter on "Done":`,
        source: (term) => {
          const found = filterLanguages(choices, term).map((choice) => ({
            name: chosen.includes(choice.value) ? `${choice.name}: chosen (Enter takes it out)` : choice.name,
            value: choice.value,
          }));
          const done = { name: `Done: print in ${chosen.map(nameOf).join(', ')}`, value: DONE };
          return chosen.length > 0 && !term ? [done, ...found] : found;
        },
        pageSize: 10,
      },
      context(),
    );
    if (picked === DONE) return chosen;
    chosen = chosen.includes(picked) ? chosen.filter((code) => code !== picked) : [...chosen, picked];
  }
}
