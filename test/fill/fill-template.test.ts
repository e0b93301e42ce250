import { describe, expect, it } from 'vitest';

import { TemplateError } from '../../src/errors.js';
import { fillTemplate } from '../../src/fill/fill-template.js';
import type { FillData } from '../../src/fill/handlebars-env.js';
import { noticeContext } from '../../src/fill/notice-context.js';
import type { Block, Heading, Inline, NoticeTree, Paragraph, Section } from '../../src/parse/notice-tree.js';
import { parseMarkup } from '../../src/parse/parse-markup.js';
import { locales } from '../../src/strings/locale-catalog.js';
import type { Translate } from '../../src/strings/translator.js';
import { translator } from '../../src/strings/translator.js';
import { loadTemplate } from '../../src/templates/catalog.js';
import { planNotice } from '../../src/validate/notice-plan.js';
import { thrown } from '../helpers/thrown.js';
import { MAX_OUTPUT_BYTES, MAX_TEMPLATE_BYTES } from '../../src/contract/input-limits.js';

/** A stub translator: "lang|key" plus each value as "name:value", so tests can see what it was given. */
const stubTranslate: Translate = (lang, key, values = {}) =>
  [`${lang}|${key}`, ...Object.entries(values).map(([name, value]) => `${name}:${value}`)].join('|');

function data(extra: Partial<FillData> = {}): FillData {
  return { translate: stubTranslate, languages: [{ code: 'en' }], arrange: 'stacked', ...extra };
}

function fill(source: string, context: object = {}, extra: Partial<FillData> = {}): string {
  return fillTemplate(source, 'test.hbs', context, data(extra));
}

const text = (inlines: readonly Inline[]): string => inlines.map((inline) => inline.text).join('');

const HOSTILE = [
  '<Tacos & "Más">',
  "Joe's `Best` = Pizza",
  'Tienda {{name}} Express',
  '{{evil}} {{{evil}}} {{> partial}}',
  'مخبز\u200f \u202eReversed\u202c \u2067isolated\u2069 \u200e24',
  '&amp; &#x3C; ]]> <![CDATA[x]]>',
];

describe('fillTemplate: escaping business values', () => {
  it('XML-escapes <, & and quotes exactly once', () => {
    expect(fill('<p>{{name}}</p>', { name: '<Tacos & "Más">' })).toBe('<p>&lt;Tacos &amp; &quot;Más&quot;&gt;</p>');
  });

  it('leaves {{evil}} in a value as plain text, not a template', () => {
    expect(fill('<p>{{name}}</p>', { name: '{{evil}}', evil: 'EXPANDED' })).toBe('<p>{{evil}}</p>');
  });

  it('leaves bidi control characters in a value untouched', () => {
    const name = 'abc\u202edef\u202c\u2067ghi\u2069\u200f';
    expect(fill('<p>{{name}}</p>', { name })).toBe(`<p>${name}</p>`);
  });

  it.each(HOSTILE)('round-trips %j through fill and parse as the same text, in text and in attributes', (name) => {
    const markup = fill(
      '<notice title="{{name}}" lang="en"><page><p>{{name}}</p><qr href="https://example.org/" caption="{{name}}"/></page></notice>',
      {
        name,
      },
    );
    const tree: NoticeTree = parseMarkup(markup, 'test');
    expect(tree.title).toBe(name);
    const [paragraph, qr] = tree.pages[0]!.children;
    expect(text((paragraph as Paragraph).inlines)).toBe(name);
    expect(qr).toMatchObject({ kind: 'qr', caption: name });
  });
});

describe('fillTemplate: unsafe templates', () => {
  it('rejects triple-stash {{{x}}}, naming the line and column', () => {
    const error = thrown(TemplateError, () => fill('<p>\n  {{{name}}}</p>', { name: 'x' }));
    expect(error.message).toMatch(/^test\.hbs: line 2, column 3: unescaped output/);
  });

  it('rejects {{&x}}, naming the line and column', () => {
    const error = thrown(TemplateError, () => fill('<p>{{&name}}</p>', { name: 'x' }));
    expect(error.message).toMatch(/^test\.hbs: line 1, column 4: unescaped output/);
  });

  it('rejects unescaped output nested inside blocks and else branches', () => {
    const error = thrown(TemplateError, () => fill('{{#if a}}x{{else}}\n{{#each list}}{{{this}}}{{/each}}{{/if}}', { a: false, list: [] }));
    expect(error.message).toMatch(/line 2, column 15: unescaped output/);
  });

  it('rejects partials', () => {
    const error = thrown(TemplateError, () => fill('<p>{{> footer}}</p>'));
    expect(error.message).toMatch(/line 1, column 4: partials and decorators are not allowed/);
  });

  it('rejects partial blocks', () => {
    expect(() => fill('{{#> layout}}x{{/layout}}')).toThrow(/partials and decorators are not allowed/);
  });

  it('rejects an unknown helper (knownHelpersOnly)', () => {
    const error = thrown(TemplateError, () => fill('<p>{{shout name}}</p>', { name: 'x' }));
    expect(error.message).toMatch(/unknown helper shout/);
  });

  // BUG (minor): Handlebars.create() keeps its built-in helpers, and knownHelpersOnly treats them all as
  // known, so `log` and `lookup` work although handlebars-env.ts promises only placard's helpers plus
  // if, unless, each and with. `{{log "x"}}` fills to '' and prints "x" with console.info, i.e. to
  // stdout, which would corrupt a PDF written with `-o -`. (level="debug" keeps this test quiet.)
  it('rejects Handlebars built-in helpers that placard does not offer, such as log', () => {
    expect(() => fill('{{log "hello" level="debug"}}')).toThrow(TemplateError);
  });

  it('rejects an unknown block helper with arguments', () => {
    expect(() => fill('{{#repeat 3}}x{{/repeat}}')).toThrow(/unknown helper repeat/);
  });

  it('gives a Handlebars syntax error as a TemplateError naming the template and line', () => {
    const error = thrown(TemplateError, () => fill('<p>\n{{#if a}}x</p>'));
    expect(error.message).toMatch(/^test\.hbs: .*line 2/s);
  });

  it('in strict mode, a missing variable is a TemplateError naming it', () => {
    const error = thrown(TemplateError, () => fill('<p>{{business.nmae}}</p>', { business: { name: 'Joe' } }));
    expect(error.message).toMatch(/^test\.hbs: .*"nmae" not defined/);
  });

  it('refuses a template larger than the size cap', () => {
    expect(() => fill(`<p>${'x'.repeat(MAX_TEMPLATE_BYTES)}</p>`)).toThrow(/larger than/);
  });

  it('refuses output larger than the size cap', () => {
    const list = Array.from({ length: 1100 }, () => 'x'.repeat(1000));
    expect(MAX_OUTPUT_BYTES).toBeLessThan(1100 * 1000);
    expect(() => fill('{{#each list}}{{this}}{{/each}}', { list })).toThrow(/filled template is larger than/);
  });

  it('does not reach prototype properties of the context', () => {
    expect(fill('{{#if constructor}}reached{{else}}blocked{{/if}}', {})).toBe('blocked');
    expect(() => fill('{{constructor.name}}', {})).toThrow(TemplateError);
  });
});

describe('the t helper', () => {
  it('looks the key up in the first language outside eachLanguage', () => {
    expect(fill('<p>{{t "common:not_advice"}}</p>', {}, { languages: [{ code: 'es' }, { code: 'en' }] })).toBe(
      '<p>es|common:not_advice</p>',
    );
  });

  it('wraps each interpolated value in <field name="…">, escaped', () => {
    const out = fill('<p>{{t "ask_for" contact_name=business.contact_name}}</p>', { business: { contact_name: '<Rosa & "Co">' } });
    expect(out).toBe('<p>en|ask_for|contact_name:<field name="contact_name">&lt;Rosa &amp; &quot;Co&quot;&gt;</field></p>');
  });

  it('wraps several values, each with its own field name, wherever the string puts them', () => {
    const translate: Translate = (_lang, _key, values = {}) => `${values.contact_role}: ${values.contact_name}, ${values.contact_role}`;
    const out = fill('{{t "ask_for_role" contact_name=a contact_role=b}}', { a: 'Rosa', b: 'Owner' }, { translate });
    expect(out).toBe(
      '<field name="contact_role">Owner</field>: <field name="contact_name">Rosa</field>, <field name="contact_role">Owner</field>',
    );
  });

  it('escapes characters such as "=" in the translated text', () => {
    const translate: Translate = () => 'a = b';
    expect(fill('{{t "sum"}}', {}, { translate })).toBe('a &#x3D; b');
  });

  it('escapes the translated text itself', () => {
    const translate: Translate = () => 'Fish & chips <today>';
    expect(fill('{{t "menu"}}', {}, { translate })).toBe('Fish &amp; chips &lt;today&gt;');
  });

  it('does not treat {{…}} inside a value as an interpolation', () => {
    const translate: Translate = (_lang, _key, values = {}) => `Ask for ${values.who}.`;
    expect(fill('{{t "ask" who=name}}', { name: '{{name}}' }, { translate })).toBe('Ask for <field name="who">{{name}}</field>.');
  });

  it('needs a string key', () => {
    expect(() => fill('{{t 5}}')).toThrow(TemplateError);
  });

  it('passes the result through parseMarkup as a field inline', () => {
    const translate: Translate = (_lang, _key, values = {}) => `Please ask for ${values.contact_name}.`;
    const markup = fill(
      '<notice title="t" lang="en"><page><p>{{t "ask_for" contact_name=who}}</p></page></notice>',
      { who: 'Rosa <&>' },
      { translate },
    );
    const paragraph = parseMarkup(markup, 'test').pages[0]!.children[0] as Paragraph;
    expect(paragraph.inlines).toEqual([
      { text: 'Please ask for ', bold: false },
      { text: 'Rosa <&>', bold: false, field: 'contact_name' },
      { text: '.', bold: false },
    ]);
  });
});

describe('the eachLanguage helper', () => {
  const languages = [{ code: 'en' }, { code: 'es' }];
  const source = '{{#eachLanguage}}<section lang="{{code}}">{{t "title"}}</section>{{/eachLanguage}}';

  it('sets the language for t in each copy and puts <rule/> between copies when stacked', () => {
    expect(fill(source, {}, { languages, arrange: 'stacked' })).toBe(
      '<section lang="en">en|title</section><rule/><section lang="es">es|title</section>',
    );
  });

  it('puts each copy in a <column> inside <columns> when arranged in columns', () => {
    expect(fill(source, {}, { languages, arrange: 'columns' })).toBe(
      '<columns wrap="yes"><column><section lang="en">en|title</section></column><column><section lang="es">es|title</section></column></columns>',
    );
  });

  it('puts the copies one after another with arrange="list", whatever the arrangement', () => {
    const list = '{{#eachLanguage arrange="list"}}<p>{{t "scan"}}</p>{{/eachLanguage}}';
    for (const arrange of ['stacked', 'columns', 'pages']) {
      expect(fill(list, {}, { languages, arrange })).toBe('<p>en|scan</p><p>es|scan</p>');
    }
    expect(() => fill('{{#eachLanguage arrange="grid"}}x{{/eachLanguage}}', {}, { languages })).toThrow(/arrange="list"/);
  });

  it('fills an eachPage block once per language with --arrange pages, and once otherwise', () => {
    const pages = '{{#eachPage}}<page>{{#eachLanguage}}{{t "title"}}{{/eachLanguage}}</page>{{/eachPage}}';
    expect(fill(pages, {}, { languages, arrange: 'pages' })).toBe('<page>en|title</page><page>es|title</page>');
    expect(fill(pages, {}, { languages, arrange: 'stacked' })).toBe('<page>en|title<rule/>es|title</page>');
    expect(() => fill(source, {}, { languages, arrange: 'pages' })).toThrow(/wrap its <page> in \{\{#eachPage\}\}/);
  });

  it('puts no rule around a single language', () => {
    expect(fill(source, {}, { languages: [{ code: 'en' }] })).toBe('<section lang="en">en|title</section>');
  });

  it('sets @lang, @index, @first and @last', () => {
    const out = fill('{{#eachLanguage}}[{{@lang}} {{@index}} {{@first}} {{@last}}]{{/eachLanguage}}', {}, { languages });
    expect(out).toBe('[en 0 true false]<rule/>[es 1 false true]');
  });

  it('keeps the language inside nested each and if blocks', () => {
    const out = fill(
      '{{#eachLanguage}}{{#each @root.areas}}{{#if this}}{{t "area"}}{{/if}}{{/each}}{{/eachLanguage}}',
      { areas: ['a'] },
      { languages },
    );
    expect(out).toBe('en|area<rule/>es|area');
  });
});

describe('the list helper', () => {
  it('wraps each entry in a field, escapes it once, and joins with the language separator', () => {
    expect(fill('{{list areas "private_areas"}}', { areas: ['<Kitchen>', 'Storage & office'] })).toBe(
      '<field name="private_areas">&lt;Kitchen&gt;</field>en|common:list_separator<field name="private_areas">Storage &amp; office</field>',
    );
  });

  it('gives nothing for a value that is not a list', () => {
    expect(fill('[{{list areas "private_areas"}}]', { areas: 'Kitchen' })).toBe('[]');
  });

  it('uses the real separators of each language', () => {
    const translate = translator(locales());
    const areas = { areas: ['A', 'B'] };
    expect(fill('{{list areas "f"}}', areas, { translate, lang: 'ar' })).toBe('<field name="f">A</field>، <field name="f">B</field>');
    expect(fill('{{list areas "f"}}', areas, { translate, lang: 'zh-Hant' })).toBe('<field name="f">A</field>、<field name="f">B</field>');
  });
});

describe('the private-areas template with the real translator', () => {
  const template = loadTemplate('private-areas');
  const raw = {
    name: '<Tacos & "Más"> {{evil}}',
    contact_name: 'Rosa Delgado',
    contact_role: 'Owner',
    private_areas: 'Kitchen;Storage room',
    street: '1510 E Lake St',
    city: 'Minneapolis',
    region: 'MN',
    postal_code: '55407',
    phone: '612-555-0101',
  };

  function render(arrange: 'stacked' | 'columns'): NoticeTree {
    const plan = planNotice(raw, { template: 'private-areas', languages: ['en', 'es'], arrange }, template, locales());
    const markup = fillTemplate(template.source, `${template.dir}/template.hbs`, noticeContext(plan), {
      translate: translator(locales()),
      languages: plan.languages,
      arrange: plan.arrange,
    });
    return parseMarkup(markup, 'template private-areas');
  }

  const sections = (blocks: readonly Block[]): Section[] =>
    blocks.flatMap((block): Section[] => {
      if (block.kind === 'section') return [block];
      if (block.kind === 'columns') return block.columns.flatMap((column) => sections(column.children));
      if (block.kind === 'box') return sections(block.children);
      return [];
    });

  it('fills and parses for en and es, stacked', () => {
    const tree = render('stacked');
    expect(tree.lang).toBe('en');
    expect(tree.title).toBe('<Tacos & "Más"> {{evil}}: Private area');
    const page = tree.pages[0]!.children;
    expect(sections(page).map((section) => [section.lang, section.dir])).toEqual([
      ['en', 'ltr'],
      ['es', 'ltr'],
    ]);
    expect(page.filter((block) => block.kind === 'rule').length).toBeGreaterThanOrEqual(2);
  });

  it('puts each language heading in its own language', () => {
    const [en, es] = sections(render('stacked').pages[0]!.children);
    expect(text((en!.children[0] as Heading).inlines)).toBe('Private area');
    expect(text((es!.children[0] as Heading).inlines)).toBe('Área privada');
  });

  it('prints the business name literally, as the name field', () => {
    const box = render('stacked').pages[0]!.children[0]!;
    expect(box).toMatchObject({
      kind: 'box',
      children: [{ kind: 'paragraph', inlines: [{ text: '<Tacos & "Más"> {{evil}}', field: 'name', bold: true }] }],
    });
  });

  it('names the contact through t, as contact_name and contact_role fields', () => {
    const [en] = sections(render('stacked').pages[0]!.children);
    const ask = en!.children.find((block) => block.kind === 'paragraph' && text(block.inlines).startsWith('Please ask for')) as Paragraph;
    expect(ask.inlines).toEqual([
      { text: 'Please ask for ', bold: false },
      { text: 'Rosa Delgado', bold: false, field: 'contact_name' },
      { text: ' (', bold: false },
      { text: 'Owner', bold: false, field: 'contact_role' },
      { text: ').', bold: false },
    ]);
  });

  it('lists the private areas in one line, each entry a field, after the label, in the section language', () => {
    const [, es] = sections(render('stacked').pages[0]!.children);
    const areas = es!.children.find(
      (block): block is Paragraph => block.kind === 'paragraph' && block.inlines.some((inline) => inline.field === 'private_areas'),
    );
    expect(areas!.inlines).toEqual([
      { text: 'Áreas no públicas: ', bold: false },
      { text: 'Cocina', bold: false, field: 'private_areas' },
      { text: ', ', bold: false },
      { text: 'Depósito', bold: false, field: 'private_areas' },
    ]);
  });

  it('fills and parses for en and es in columns', () => {
    const page = render('columns').pages[0]!.children;
    const columns = page.find(
      (block) => block.kind === 'columns' && block.columns.some((column) => column.children[0]?.kind === 'section'),
    );
    expect(columns).toBeDefined();
    expect(sections([columns!]).map((section) => section.lang)).toEqual(['en', 'es']);
  });
});

describe('fillTemplate: a bound on work', () => {
  const twenty = Array.from({ length: 20 }, (_, index) => ({ code: `l${index}` }));

  it('stops nested {{#each}} that would run for minutes, quickly and with a clear error', () => {
    const nested = `${'{{#each @root.items}}'.repeat(8)}x${'{{/each}}'.repeat(8)}`;
    const started = Date.now();
    const error = thrown(TemplateError, () => fill(nested, { items: twenty }));
    expect(error.message).toMatch(/test\.hbs: the template repeats its blocks too often.*nested \{\{#each\}\}/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('stops nested {{#eachLanguage}} blocks the same way', () => {
    const nested = `${'{{#eachLanguage}}'.repeat(6)}{{t "k"}}${'{{/eachLanguage}}'.repeat(6)}`;
    thrown(TemplateError, () => fill(nested, {}, { languages: twenty }));
  });

  it('still fills a reasonable loop: 20 languages, each listing 20 entries', () => {
    const output = fill('{{#eachLanguage}}{{#each @root.items}}.{{/each}}{{/eachLanguage}}', { items: twenty }, { languages: twenty });
    expect(output.replaceAll('<rule/>', '')).toBe('.'.repeat(400));
  });
});
