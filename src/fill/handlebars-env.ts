import Handlebars, { type HelperOptions } from 'handlebars';
import { TemplateError } from '../errors.js';
import type { Translate } from '../strings/translator.js';

/** What every template sees in @data besides Handlebars' own. */
export interface FillData {
  readonly translate: Translate;
  readonly languages: readonly { readonly code: string }[];
  readonly arrange: string;
  /** The language of the section being filled (set by eachLanguage). */
  readonly lang?: string;
}

const escape = Handlebars.escapeExpression;

/** A private Handlebars with only placard's helpers (plus if, unless, each, with). */
export const handlebars = Handlebars.create();
// `log` writes to stdout (which may be carrying a PDF) and `lookup` reaches into objects by computed name.
handlebars.unregisterHelper('log');
handlebars.unregisterHelper('lookup');

/**
 * {{t "ns:key" name=value}}: the string in the current section's language.
 * Interpolated values are business data: each is escaped and wrapped in
 * <field name="…"> so that layout can name it in errors.
 */
handlebars.registerHelper('t', function (key: unknown, options: HelperOptions) {
  const data = options.data as FillData;
  if (typeof key !== 'string') throw new TemplateError('{{t}} needs a string key, like {{t "common:not_advice"}}');
  const lang = data.lang ?? data.languages[0]?.code ?? 'en';
  const hash = options.hash as Record<string, unknown>;
  const names = Object.keys(hash);
  const markers = Object.fromEntries(names.map((name, i) => [name, `\u0001${i}\u0002`]));
  const text = escape(data.translate(lang, key, markers));
  const filled = text.replace(/\u0001(\d+)\u0002/g, (_, index: string) => {
    const name = names[Number(index)]!;
    return `<field name="${escape(name)}">${escape(String(hash[name] ?? ''))}</field>`;
  });
  return new Handlebars.SafeString(filled);
});

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
    return options.fn(language, { data: frame });
  });
  const arrange = (options.hash as { arrange?: unknown }).arrange;
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
 * {{#eachPage}}<page>…</page>{{/eachPage}}: the pages of the notice. With
 * --arrange pages, the block is filled once per language and eachLanguage
 * inside it sees only that language; otherwise once, with every language.
 */
handlebars.registerHelper('eachPage', function (this: unknown, options: HelperOptions) {
  const data = options.data as FillData;
  const groups = data.arrange === 'pages' ? data.languages.map((language) => [language]) : [data.languages];
  const pages = groups.map((languages) => options.fn(this, { data: { ...Handlebars.createFrame(options.data), languages } }));
  return new Handlebars.SafeString(pages.join(''));
});

/**
 * {{list items "field"}}: business data items, each a <field>, joined by the
 * current language's list separator (common:list_separator: ", ", "، ", "、"…).
 */
handlebars.registerHelper('list', function (items: unknown, field: unknown, options: HelperOptions) {
  const data = options.data as FillData;
  if (typeof field !== 'string')
    throw new TemplateError('{{list}} needs the field name, like {{list business.private_areas "private_areas"}}');
  const separator = escape(data.translate(data.lang ?? data.languages[0]?.code ?? 'en', 'common:list_separator'));
  const parts = (Array.isArray(items) ? items : []).map((item) => `<field name="${escape(field)}">${escape(String(item))}</field>`);
  return new Handlebars.SafeString(parts.join(separator));
});

export const KNOWN_HELPERS = { t: true, eachLanguage: true, eachPage: true, list: true, log: false, lookup: false } as const;
