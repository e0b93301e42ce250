import Handlebars, { type HelperOptions } from 'handlebars';
import { TemplateError } from '../errors.js';
import type { Translate } from '../strings/translator.js';
import type { FillBudget } from './fill-budget.js';
import { localWord } from '../strings/vocabulary.js';
import { holdsStandIn, refuseStandIn, STAND_IN, StandInSeen, type StandIns } from './stand-ins.js';

/** What every template sees in @data besides Handlebars' own. */
export interface FillData {
  readonly translate: Translate;
  readonly languages: readonly { readonly code: string }[];
  readonly arrange: string;
  /** The language of the section being filled (set by eachLanguage). */
  readonly lang?: string;
  /** What this filling may still spend; set by fillTemplate. */
  readonly budget?: FillBudget;
  /** Strings {{t}} has looked up and escaped before, kept by a template's fill function for all its notices. */
  readonly strings?: FillStrings;
  /** Set when business values are stood in for (markup-shapes.ts): helpers print stand-ins as values, and refuse to read them. */
  readonly standIns?: StandIns;
}

/**
 * {{t}}'s strings as found before, by language, key and placeholder names:
 * the escaped text cut at its placeholders (a number is the placeholder's
 * index). Only for the translator that found them.
 */
export interface FillStrings {
  translate?: Translate;
  readonly parts: Map<string, readonly (string | number)[]>;
}

export function fillStrings(): FillStrings {
  return { parts: new Map() };
}

const escape = Handlebars.escapeExpression;

/** A private Handlebars with only placard's helpers (plus if, unless, each, with). */
export const handlebars = Handlebars.create();
// `log` writes to stdout (which may be carrying a PDF) and `lookup` reaches into objects by computed name.
handlebars.unregisterHelper('log');
handlebars.unregisterHelper('lookup');

/** {{#each}} as Handlebars has it, with every repetition counted against the notice's budget. */
const builtInEach = handlebars.helpers.each as (this: unknown, context: unknown, options: HelperOptions) => string;
handlebars.registerHelper('each', function (this: unknown, context: unknown, options: HelperOptions) {
  const budget = (options.data as FillData | undefined)?.budget;
  refuseMarkup(options, context);
  const fn = options.fn;
  const counted = (item: unknown, frame?: unknown): string => {
    const text = fn(item, frame as never);
    budget?.spend(text);
    return text;
  };
  return builtInEach.call(this, context, { ...options, fn: counted as HelperOptions['fn'] });
});

/** {{#with}} as Handlebars has it. */
const builtInWith = handlebars.helpers.with as (this: unknown, context: unknown, options: HelperOptions) => string;
handlebars.registerHelper('with', function (this: unknown, context: unknown, options: HelperOptions) {
  refuseMarkup(options, context);
  return builtInWith.call(this, context, options);
});

/** A helper's output (escaped markup) read again as a context would escape its stand-ins twice: stood-in values are refused there. */
function refuseMarkup(options: HelperOptions, context: unknown): void {
  if ((options.data as FillData | undefined)?.standIns && context instanceof Handlebars.SafeString) refuseStandIn(context);
}

/** A value a helper prints as given: a stand-in (or a list of them) passes, a stand-in inside other text does not. */
function printed(data: FillData, value: unknown): void {
  const standIns = data.standIns;
  if (!standIns) return;
  const exact = (item: unknown): boolean =>
    typeof item === 'string' ? !STAND_IN.test(item) || standIns.slotOf(item) !== undefined : !holdsStandIn(item);
  if (Array.isArray(value) ? !value.every(exact) : !exact(value)) throw new StandInSeen(String(value));
}

/**
 * {{t "ns:key" name=value}}: the string in the current section's language.
 * Interpolated values are business data: each is escaped and wrapped in
 * <field name="…"> so that layout can name it in errors.
 */
handlebars.registerHelper('t', function (key: unknown, options: HelperOptions) {
  const data = options.data as FillData;
  data.budget?.spend();
  if (typeof key !== 'string') throw new TemplateError('{{t}} needs a string key, like {{t "common:not_advice"}}');
  const lang = data.lang ?? data.languages[0]?.code ?? 'en';
  const hash = options.hash as Record<string, unknown>;
  const names = Object.keys(hash);
  if (data.standIns) {
    refuseStandIn(key);
    for (const name of names) printed(data, hash[name]);
  }
  let filled = '';
  for (const part of stringParts(data, lang, key, names)) {
    if (typeof part === 'string') {
      filled += part;
      continue;
    }
    const name = names[part]!;
    filled += `<field name="${escape(name)}">${escape(String(hash[name] ?? ''))}</field>`;
  }
  return new Handlebars.SafeString(filled);
});

/** The string in `lang`, escaped and cut at its placeholders: looked up once per fill function when it keeps strings. */
function stringParts(data: FillData, lang: string, key: string, names: readonly string[]): readonly (string | number)[] {
  const memo = data.strings;
  if (memo && memo.translate !== data.translate) {
    memo.translate = data.translate;
    memo.parts.clear();
  }
  const id = `${lang}\u0000${key}\u0000${names.join('\u0000')}`;
  const known = memo?.parts.get(id);
  if (known) return known;
  const markers = Object.fromEntries(names.map((name, i) => [name, `\u0001${i}\u0002`]));
  const text = escape(data.translate(lang, key, markers));
  const parts: (string | number)[] = [];
  let last = 0;
  for (const match of text.matchAll(/\u0001(\d+)\u0002/g)) {
    parts.push(text.slice(last, match.index), Number(match[1]));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  if (memo) {
    if (memo.parts.size > 10_000) memo.parts.clear();
    memo.parts.set(id, parts);
  }
  return parts;
}

/**
 * {{#eachLanguage}}…{{/eachLanguage}}: the block once per language, with
 * @lang set. The arrangement decides what goes around the copies: a
 * wrapping grid of columns, or a rule between stacked copies.
 * {{#eachLanguage arrange="list"}} puts the copies one after another with
 * nothing around them (a label in every language, say).
 */
handlebars.registerHelper('eachLanguage', function (this: unknown, options: HelperOptions) {
  const data = options.data as FillData;
  const copies = data.languages.map((language, index) => {
    const frame = {
      ...Handlebars.createFrame(options.data),
      lang: language.code,
      index,
      first: index === 0,
      last: index === data.languages.length - 1,
    };
    const text = options.fn(language, { data: frame });
    data.budget?.spend(text);
    return text;
  });
  const arrange = (options.hash as { arrange?: unknown }).arrange;
  if (data.standIns) refuseStandIn(arrange);
  if (arrange !== undefined && arrange !== 'list')
    throw new TemplateError(`{{#eachLanguage}} takes arrange="list" or nothing, not "${String(arrange)}"`);
  if (arrange === 'list') return new Handlebars.SafeString(copies.join(''));
  if (data.arrange === 'pages' && data.languages.length > 1) {
    throw new TemplateError(
      '--arrange pages needs the template to wrap its <page> in {{#eachPage}}…{{/eachPage}}, so that each language gets a page',
    );
  }
  if (data.arrange === 'columns') {
    return new Handlebars.SafeString(`<columns wrap="yes">${copies.map((copy) => `<column>${copy}</column>`).join('')}</columns>`);
  }
  return new Handlebars.SafeString(copies.join('<rule/>'));
});

/**
 * {{#english}}…{{/english}}: the block with {{t}} in English, whatever the
 * notice's languages: the officer-facing side of a rights card is English
 * by design (the officer reads it), as on the well-known red cards.
 */
handlebars.registerHelper('english', function (this: unknown, options: HelperOptions) {
  return options.fn(this, { data: { ...Handlebars.createFrame(options.data), lang: 'en' } });
});

/** The current section's language. */
const sectionLang = (data: FillData): string => data.lang ?? data.languages[0]?.code ?? 'en';

/** The business as the template sees it (noticeContext's `business`), for per-language values like contact_role.es. */
const businessOf = (data: FillData): Readonly<Record<string, unknown>> =>
  ((data as FillData & { root?: { business?: Record<string, unknown> } }).root?.business ?? {}) as Readonly<Record<string, unknown>>;

/**
 * {{#eachPage}}<page>…</page>{{/eachPage}}: the pages of the notice. With
 * --arrange pages, duplex (a card's front, then its back) or officer, the block is
 * filled once per language and eachLanguage inside it sees only that
 * language; otherwise once, with every language.
 */
handlebars.registerHelper('eachPage', function (this: unknown, options: HelperOptions) {
  const data = options.data as FillData;
  const groups = ['pages', 'duplex', 'officer'].includes(data.arrange) ? data.languages.map((language) => [language]) : [data.languages];
  const pages = groups.map((languages) => {
    const text = options.fn(this, { data: { ...Handlebars.createFrame(options.data), languages } });
    data.budget?.spend(text);
    return text;
  });
  return new Handlebars.SafeString(pages.join(''));
});

/**
 * {{list items "field"}}: business data items, each a <field>, joined by the
 * current language's list separator (common:list_separator: ", ", "، ", "、"…).
 * A per-language list (`private_areas.es`) replaces the items in its
 * language; otherwise items that match the English vocabulary print
 * translated, and free text prints as given.
 */
handlebars.registerHelper('list', function (items: unknown, field: unknown, options: HelperOptions) {
  const data = options.data as FillData;
  if (typeof field !== 'string')
    throw new TemplateError('{{list}} needs the field name, like {{list business.private_areas "private_areas"}}');
  const lang = sectionLang(data);
  const separator = escape(data.translate(lang, 'common:list_separator'));
  const own = businessOf(data)[`${field}.${lang}`];
  const standIns = data.standIns;
  if (standIns) {
    refuseStandIn(field);
    if (Array.isArray(own)) printed(data, own);
    else if (Array.isArray(items)) printed(data, items);
  }
  const word = (item: unknown): string =>
    standIns && typeof item === 'string' && STAND_IN.test(item)
      ? standIns.word(item, field, lang)
      : localWord(String(item), field, lang, data.translate);
  const values = Array.isArray(own) ? own : (Array.isArray(items) ? items : []).map(word);
  const parts = values.map((item) => `<field name="${escape(field)}">${escape(String(item))}</field>`);
  return new Handlebars.SafeString(parts.join(separator));
});

/**
 * (word value "field"): one business value in the current section's
 * language, as plain text for {{t}} to escape and mark: the per-language
 * value (`contact_role.es`) if given, else the vocabulary's translation,
 * else the value as given. Empty when there is none.
 */
handlebars.registerHelper('word', function (value: unknown, field: unknown, options: HelperOptions) {
  const data = options.data as FillData;
  if (typeof field !== 'string') throw new TemplateError('(word) needs the field name, like (word business.contact_role "contact_role")');
  const lang = sectionLang(data);
  const own = businessOf(data)[`${field}.${lang}`];
  const standIns = data.standIns;
  if (standIns) {
    refuseStandIn(field);
    if (typeof own === 'string') printed(data, own);
    if (typeof value === 'string') printed(data, value);
  }
  if (typeof own === 'string' && own !== '') return own;
  if (typeof value !== 'string' || value === '') return '';
  return standIns && STAND_IN.test(value) ? standIns.word(value, field, lang) : localWord(value, field, lang, data.translate);
});

export const KNOWN_HELPERS = {
  t: true,
  eachLanguage: true,
  eachPage: true,
  english: true,
  list: true,
  word: true,
  log: false,
  lookup: false,
} as const;
