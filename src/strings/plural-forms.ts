import { createRequire } from 'node:module';

/**
 * gettext's Plural-Forms, derived from CLDR's cardinal plural rules (the
 * cldr-core package), the same rules `locales check` enforces through
 * Intl.PluralRules. gettext counts whole numbers only, so each CLDR rule is
 * read with the operands of an integer (i = n, and v, w, f, t, c, e all 0),
 * and categories CLDR gives no integer for (Polish and Russian "other",
 * which is for fractions) are left out: Polish becomes nplurals=3. CLDR has
 * no gettext expressions, and gettext's own table is C source, so the
 * conversion is written here; test/strings/plural-forms.test.ts checks every
 * expression against Intl.PluralRules for 0…1000.
 */

type RuleSet = Readonly<Record<string, string>>;

const require = createRequire(import.meta.url);
let cardinalRules: Record<string, RuleSet> | undefined;
/** CLDR's cardinal rules (76 KB of JSON), read on first use: a render imports this file for PLURAL_KEY alone. */
const cardinals = (): Record<string, RuleSet> =>
  (cardinalRules ??= (
    require('cldr-core/supplemental/plurals.json') as { supplemental: { 'plurals-type-cardinal': Record<string, RuleSet> } }
  ).supplemental['plurals-type-cardinal']);

/** CLDR's plural categories, in their usual order. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** An i18next plural key, `<key>_<category>` (`areas_one`): the base key and the category are its two groups. */
export const PLURAL_KEY = new RegExp(`^(.*)_(${PLURAL_CATEGORIES.join('|')})$`);

/** CLDR's rules for a tag: the tag itself, then without its region or script, then the language; else root (only "other"). */
function rulesFor(code: string): RuleSet {
  let tags = [code];
  try {
    const locale = new Intl.Locale(code);
    tags = [code, `${locale.language}-${locale.region ?? ''}`, locale.language];
  } catch {
    tags = [code, code.split('-')[0]!];
  }
  const rules = cardinals();
  for (const tag of tags) if (rules[tag]) return rules[tag];
  return { 'pluralRule-count-other': ' @integer 0~15, 100, 1000' };
}

interface Category {
  readonly name: string;
  /** A C expression, or true/false when the rule is constant for integers. */
  readonly test: string | boolean;
}

function categoriesOf(code: string): Category[] {
  const rules = rulesFor(code);
  const out: Category[] = [];
  for (const name of PLURAL_CATEGORIES) {
    const rule = rules[`pluralRule-count-${name}`];
    if (rule === undefined || !rule.includes('@integer')) continue;
    out.push({ name, test: name === 'other' ? true : condition(rule.split('@')[0]!.trim()) });
  }
  return out.filter((category) => category.test !== false);
}

/** A CLDR condition ("v = 0 and i % 10 = 2..4 or …") as a C expression over n, for integers. */
function condition(text: string): string | boolean {
  if (text === '') return true;
  const ors = text.split(/\s+or\s+/).map((part) => {
    const ands = part.split(/\s+and\s+/).map(relation);
    if (ands.includes(false)) return false;
    const live = ands.filter((term): term is string => term !== true);
    return live.length === 0 ? true : live.length === 1 ? live[0]! : live.map((term) => `(${term})`).join(' && ');
  });
  if (ors.includes(true)) return true;
  const live = ors.filter((term): term is string => term !== false);
  return live.length === 0 ? false : live.length === 1 ? live[0]! : live.map((term) => `(${term})`).join(' || ');
}

const RELATION = /^([niftvwce])\s*(?:%\s*(\d+))?\s*(!=|=)\s*([\d.,]+)$/;

function relation(text: string): string | boolean {
  const match = RELATION.exec(text.trim());
  if (!match) throw new Error(`unreadable CLDR plural relation "${text}"`);
  const [, operand, modulus, op, list] = match;
  const ranges = list!.split(',').map((item) => item.split('..').map(Number) as [number, number?]);
  const equal = op === '=';
  if (operand !== 'n' && operand !== 'i') {
    // Every other operand is 0 for a whole number written without decimals or exponent.
    const hit = ranges.some(([low, high = low]) => low <= 0 && 0 <= high);
    return hit === equal;
  }
  const value = modulus ? `n % ${modulus}` : 'n';
  const tests = ranges.map(([low, high]) =>
    high === undefined
      ? `${value} == ${low}`
      : equal
        ? `${value} >= ${low} && ${value} <= ${high}`
        : `(${value} >= ${low} && ${value} <= ${high})`,
  );
  if (equal) return tests.length === 1 ? tests[0]! : tests.map((test) => `(${test})`).join(' || ');
  const negated = ranges.map(([low, high]) => (high === undefined ? `${value} != ${low}` : `${value} < ${low} || ${value} > ${high}`));
  return negated.length === 1 ? negated[0]! : negated.map((test) => `(${test})`).join(' && ');
}

/** Every CLDR cardinal category of a tag, fractions included, in CLDR's order (hmn, with no CLDR data: other). */
export function cldrCategories(code: string): string[] {
  const rules = rulesFor(code);
  return PLURAL_CATEGORIES.filter((name) => rules[`pluralRule-count-${name}`] !== undefined);
}

/**
 * For a PO entry with msgid_plural: the CLDR category (i18next key suffix)
 * of each msgstr[n], e.g. pl → one, few, many. CLDR categories not listed
 * (pl "other", for fractions) travel as entries of their own.
 */
export function gettextCategories(code: string): readonly string[] {
  return categoriesOf(code).map((category) => category.name);
}

/** The Plural-Forms header for a tag, e.g. pl → nplurals=3 with CLDR's rule. */
export function gettextPluralForms(code: string): string {
  const categories = categoriesOf(code);
  if (categories.length === 1) return 'nplurals=1; plural=0;';
  // The form gettext's own table writes for English and most two-form languages.
  const single = /^n == (\d+)$/.exec(String(categories[0]!.test));
  if (categories.length === 2 && single) return `nplurals=2; plural=(n != ${single[1]});`;
  let expression = String(categories.length - 1);
  for (let index = categories.length - 2; index >= 0; index--) {
    expression = `(${String(categories[index]!.test)}) ? ${index} : ${expression}`;
  }
  return `nplurals=${categories.length}; plural=(${expression});`;
}
