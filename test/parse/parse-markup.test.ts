import { describe, expect, it } from 'vitest';

import { TemplateError } from '../../src/errors.js';
import type { Block, Inline, NoticeTree } from '../../src/parse/notice-tree.js';
import { parseMarkup } from '../../src/parse/parse-markup.js';
import { thrown } from '../helpers/thrown.js';

/** A notice with one page holding `body`. */
const notice = (body: string) => `<notice title="Notice" lang="en"><page>${body}</page></notice>`;

/** The blocks of the only page of a notice with `body`. */
const blocks = (body: string): readonly Block[] => parseMarkup(notice(body), 'test').pages[0]!.children;

/** The inlines of the first block of a notice with `body` (a heading or paragraph). */
function inlines(body: string): readonly Inline[] {
  const block = blocks(body)[0]!;
  if (block.kind !== 'paragraph' && block.kind !== 'heading') throw new Error(`expected text, got ${block.kind}`);
  return block.inlines;
}

function templateErrorFrom(xml: string): TemplateError {
  try {
    parseMarkup(xml, 'template test');
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

/** The line and column a markup error names. */
function position(error: Error): { line: number; column: number } {
  const match = /line (\d+), column (\d+)/.exec(error.message);
  expect(match, `no "line N, column M" in: ${error.message}`).not.toBeNull();
  return { line: Number(match![1]), column: Number(match![2]) };
}

const SMALL_NOTICE = `<notice title="Lake Street Tortillería: Private area" lang="en">
<page>
  <box tone="dark">
    <h2 align="center"><field name="name">Lake Street Tortillería</field></h2>
  </box>
  <spacer grow="1"/>
  <section lang="es" dir="ltr">
    <h1>Área privada</h1>
    <p size="large">Se requiere una <b>orden judicial</b> firmada por un juez.</p>
    <p>Por favor, pregunte por <field name="contact_name">Rosa Delgado</field>.</p>
    <list>
      <item><field name="private_areas">Cocina</field></item>
      <item>Oficina</item>
    </list>
  </section>
  <rule/>
  <section lang="ar" dir="rtl">
    <p align="end" size="small">مخبز</p>
  </section>
  <columns>
    <column weight="3"><p><b><field name="name">Lake Street Tortillería</field></b></p></column>
    <column weight="2"><qr href="https://www.ilrc.org/red-cards" caption="ilrc.org/red-cards" size="30"/></column>
  </columns>
</page>
</notice>`;

describe('parseMarkup: the typed tree', () => {
  it('turns a small notice into the expected tree', () => {
    const tree: NoticeTree = parseMarkup(SMALL_NOTICE, 'test');
    expect(tree).toEqual({
      title: 'Lake Street Tortillería: Private area',
      lang: 'en',
      pages: [
        {
          children: [
            {
              kind: 'box',
              tone: 'dark',
              children: [
                { kind: 'heading', level: 2, align: 'center', inlines: [{ text: 'Lake Street Tortillería', bold: false, field: 'name' }] },
              ],
            },
            { kind: 'spacer', size: 0, grow: 1 },
            {
              kind: 'section',
              lang: 'es',
              dir: 'ltr',
              children: [
                { kind: 'heading', level: 1, align: 'start', inlines: [{ text: 'Área privada', bold: false }] },
                {
                  kind: 'paragraph',
                  size: 'large',
                  align: 'start',
                  inlines: [
                    { text: 'Se requiere una ', bold: false },
                    { text: 'orden judicial', bold: true },
                    { text: ' firmada por un juez.', bold: false },
                  ],
                },
                {
                  kind: 'paragraph',
                  size: 'normal',
                  align: 'start',
                  inlines: [
                    { text: 'Por favor, pregunte por ', bold: false },
                    { text: 'Rosa Delgado', bold: false, field: 'contact_name' },
                    { text: '.', bold: false },
                  ],
                },
                {
                  kind: 'list',
                  size: 'normal',
                  items: [[{ text: 'Cocina', bold: false, field: 'private_areas' }], [{ text: 'Oficina', bold: false }]],
                },
              ],
            },
            { kind: 'rule' },
            {
              kind: 'section',
              lang: 'ar',
              dir: 'rtl',
              children: [{ kind: 'paragraph', size: 'small', align: 'end', inlines: [{ text: 'مخبز', bold: false }] }],
            },
            {
              kind: 'columns',
              columns: [
                {
                  weight: 3,
                  children: [
                    {
                      kind: 'paragraph',
                      size: 'normal',
                      align: 'start',
                      inlines: [{ text: 'Lake Street Tortillería', bold: true, field: 'name' }],
                    },
                  ],
                },
                {
                  weight: 2,
                  children: [{ kind: 'qr', href: 'https://www.ilrc.org/red-cards', caption: 'ilrc.org/red-cards', sizeMm: 30 }],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('fills in defaults for optional attributes', () => {
    expect(blocks('<h1>a</h1><p>b</p><list><item>c</item></list><qr href="https://x.org/"/><spacer/><section lang="en"/><box/>')).toEqual([
      { kind: 'heading', level: 1, align: 'start', inlines: [{ text: 'a', bold: false }] },
      { kind: 'paragraph', size: 'normal', align: 'start', inlines: [{ text: 'b', bold: false }] },
      { kind: 'list', size: 'normal', items: [[{ text: 'c', bold: false }]] },
      { kind: 'qr', href: 'https://x.org/', caption: '', sizeMm: 30 },
      { kind: 'spacer', size: 0, grow: 0 },
      { kind: 'section', lang: 'en', dir: 'ltr', children: [] },
      { kind: 'box', tone: 'plain', children: [] },
    ]);
  });

  it('reads several pages in order', () => {
    const tree = parseMarkup('<notice title="t" lang="es"><page><p>uno</p></page><page><p>dos</p></page></notice>', 'test');
    expect(tree.pages.map((page) => page.children.map((block) => block.kind))).toEqual([['paragraph'], ['paragraph']]);
  });

  it('marks text inside <b> inside <field> as bold and from that field', () => {
    expect(inlines('<p><field name="name">Joe <b>Russo</b></field></p>')).toEqual([
      { text: 'Joe ', bold: false, field: 'name' },
      { text: 'Russo', bold: true, field: 'name' },
    ]);
  });

  it('decodes XML character references into the text', () => {
    expect(inlines('<p>&lt;Tacos &amp; &quot;Más&quot;&gt; &#x27;x&#x27; &#x3D; &#x60;</p>')).toEqual([
      { text: '<Tacos & "Más"> \'x\' = `', bold: false },
    ]);
  });
});

describe('parseMarkup: white space', () => {
  it('folds template indentation and new lines to single spaces and trims block edges', () => {
    expect(inlines('<p>\n    Please ask\n      for the\tmanager.\n  </p>')).toEqual([{ text: 'Please ask for the manager.', bold: false }]);
  });

  it('drops white-space-only text between inline elements at block edges', () => {
    expect(inlines('<h1>\n  <b>Private area</b>\n</h1>')).toEqual([{ text: 'Private area', bold: true }]);
  });

  it('keeps a single space between inline elements', () => {
    expect(inlines('<p><b>Joe</b> <field name="name">Russo</field></p>')).toEqual([
      { text: 'Joe', bold: true },
      { text: ' ', bold: false },
      { text: 'Russo', bold: false, field: 'name' },
    ]);
  });

  it('keeps a non-breaking space, even at a block edge', () => {
    expect(inlines('<p>\n  \u00a010\u00a0km\u00a0\n</p>')).toEqual([{ text: '\u00a010\u00a0km\u00a0', bold: false }]);
  });

  it('keeps a non-breaking space written as a character reference', () => {
    expect(inlines('<p>10&#160;km</p>')).toEqual([{ text: '10\u00a0km', bold: false }]);
  });

  it('ignores white space between blocks', () => {
    expect(blocks('\n  <rule/>\n  \n  <rule/>\n')).toEqual([{ kind: 'rule' }, { kind: 'rule' }]);
  });

  // BUG: collapseSpace runs again inside every <b> and <field>, trimming their edges as if they were
  // block edges, so a space just inside an inline element is lost. Input '<p><b>Note: </b>text</p>'
  // gives the inlines "Note:" and "text", which read "Note:text"; '<p>Hello<b> world</b></p>' reads "Helloworld".
  it('keeps a space just inside a <b> or <field> between words', () => {
    expect(
      inlines('<p><b>Note: </b>text</p>')
        .map((inline) => inline.text)
        .join(''),
    ).toBe('Note: text');
  });

  // BUG: collapseSpace trims the first and last text runs before it drops the empty ones, so when the
  // first run is only white space and an empty element follows, the next run keeps its leading space.
  // Input '<p>\n  <field name="contact_role"></field>\n  Rosa\n</p>' (an empty optional field at the
  // start of a line of template) gives [{ text: ' Rosa' }], with a leading space.
  it('trims the block edge when an empty inline element comes first', () => {
    expect(inlines('<p>\n  <field name="contact_role"></field>\n  Rosa\n</p>')).toEqual([{ text: 'Rosa', bold: false }]);
  });
});

describe('parseMarkup: errors', () => {
  it('gives malformed XML as a TemplateError with line and column and the line itself', () => {
    const error = templateErrorFrom('<notice title="t" lang="en">\n<page>\n  <p>unclosed</page>\n</notice>');
    expect(error.message).toMatch(/^template test: the filled template is not valid notice markup: line 3, column \d+: /);
    expect(error.message).toContain('<p>unclosed</page>');
  });

  it('gives an undefined entity (like &nbsp;) as a TemplateError with line and column', () => {
    const error = templateErrorFrom(notice('\n<p>10&nbsp;km</p>'));
    expect(position(error).line).toBe(2);
  });

  it('gives an empty document as a TemplateError', () => {
    expect(() => parseMarkup('', 'template test')).toThrow(TemplateError);
  });

  it('gives an unknown element as a TemplateError naming it, its line and column', () => {
    const error = templateErrorFrom('<notice title="t" lang="en">\n<page>\n  <marquee>hi</marquee>\n</page></notice>');
    expect(error.message).toContain('<marquee> is not a block element here');
    const where = position(error);
    expect(where.line).toBe(3);
    // The column is somewhere in the start tag "<marquee>" (columns 3 to 11).
    expect(where.column).toBeGreaterThanOrEqual(3);
    expect(where.column).toBeLessThanOrEqual(12);
  });

  it('gives an unknown inline element as a TemplateError', () => {
    const error = templateErrorFrom(notice('\n<p>a <i>b</i></p>'));
    expect(error.message).toContain('<i> is not allowed inside text');
    expect(position(error).line).toBe(2);
  });

  it('gives a root other than <notice> as a TemplateError', () => {
    expect(templateErrorFrom('<page/>').message).toMatch(/line 1, column \d+: <page> cannot be the root/);
  });

  it('gives an unknown attribute as a TemplateError listing the allowed ones', () => {
    const error = templateErrorFrom(notice('\n\n<p colour="red">x</p>'));
    expect(error.message).toContain('<p> has an unknown attribute "colour" (allowed: size, align)');
    expect(position(error).line).toBe(3);
  });

  it('refuses a notice without pages and an empty page, with line and column', () => {
    expect(templateErrorFrom('<notice title="t" lang="en"></notice>').message).toMatch(/line 1, column \d+: <notice> has no <page>/);
    expect(templateErrorFrom('<notice title="t" lang="en">\n<page> </page></notice>').message).toMatch(
      /line 2, column \d+: <page> is empty/,
    );
  });

  it('refuses markup nested too deeply or too long, naming where', () => {
    const deep = notice(`${'<box>'.repeat(5000)}<p>x</p>${'</box>'.repeat(5000)}`);
    expect(templateErrorFrom(deep).message).toMatch(/line 1, column \d+: <box> is nested 32 elements deep/);
    const long = notice('<rule/>'.repeat(30_000));
    expect(templateErrorFrom(long).message).toMatch(/more than 20000 elements/);
  });

  it('gives an attribute on an element that takes none as a TemplateError', () => {
    expect(templateErrorFrom(notice('<rule weight="2"/>')).message).toMatch(
      /line 1, column \d+: <rule> has an unknown attribute "weight" \(it takes none\)/,
    );
  });

  it.each([
    ['<p size="huge">x</p>', '<p> has size="huge"; expected one of small, normal, large'],
    ['<h1 align="left">x</h1>', '<h1> has align="left"; expected one of start, center, end'],
    ['<section lang="ar" dir="auto"/>', '<section> has dir="auto"; expected one of ltr, rtl'],
    ['<box tone="red"/>', '<box> has tone="red"; expected one of plain, dark, light, outline'],
    ['<spacer grow="-1"/>', '<spacer> has grow="-1"; expected a number from 0 to 100'],
    ['<spacer grow="1e308"/>', '<spacer> has grow="1e308"; expected a number from 0 to 100'],
    ['<spacer size="Infinity"/>', '<spacer> has size="Infinity"; expected a number from 0 to 720'],
    ['<qr href="https://x.org/" size="big"/>', '<qr> has size="big"; expected a number from 25 to 250'],
    ['<qr href="https://x.org/" size="NaN"/>', '<qr> has size="NaN"; expected a number from 25 to 250'],
    ['<columns><column weight="99999999"><p>x</p></column></columns>', '<column> has weight="99999999"; expected a number from 0.05 to 20'],
    ['<columns><column weight="0"><p>x</p></column></columns>', '<column> has weight="0"; expected a number from 0.05 to 20'],
    ['<qr href="javascript:alert(1)"/>', 'only https: and http: links are allowed'],
    ['<qr href="file:///etc/passwd"/>', 'only https: and http: links are allowed'],
    ['<qr href="https://example.org/a&#9;b"/>', 'white space (U+0009)'],
    [`<qr href="https://example.org/${'a'.repeat(5000)}"/>`, 'at most 300 fit a QR code'],
  ])('gives a bad attribute value %s as a TemplateError', (body, message) => {
    const error = templateErrorFrom(notice(`\n${body}`));
    expect(error.message).toContain(message);
    expect(position(error).line).toBe(2);
  });

  it.each([
    ['<notice lang="en"><page/></notice>', '<notice> needs a "title" attribute'],
    ['<notice title="t"><page/></notice>', '<notice> needs a "lang" attribute'],
    [notice('<section/>'), '<section> needs a "lang" attribute'],
    [notice('<qr caption="x"/>'), '<qr> needs a "href" attribute'],
    [notice('<p><field>x</field></p>'), '<field> needs a "name" attribute'],
  ])('gives a missing required attribute in %s as a TemplateError', (xml, message) => {
    expect(templateErrorFrom(xml).message).toContain(message);
  });

  it('gives text directly in <page> as a TemplateError with line and column', () => {
    const error = templateErrorFrom('<notice title="t" lang="en">\n<page>\n  Private area\n</page></notice>');
    expect(error.message).toContain('<page> cannot hold text directly: "Private area"');
    expect(position(error).line).toBe(2);
  });

  it('gives text directly in <list> or <columns> as a TemplateError', () => {
    expect(templateErrorFrom(notice('<list>Kitchen</list>')).message).toContain('<list> cannot hold text directly');
    expect(templateErrorFrom(notice('<columns>x<column/></columns>')).message).toContain('<columns> cannot hold text directly');
  });

  it('gives a wrongly nested element as a TemplateError', () => {
    expect(templateErrorFrom(notice('<list><p>x</p></list>')).message).toContain('<p> is not allowed in <list>: expected <item>');
    expect(templateErrorFrom(notice('<columns><p>x</p></columns>')).message).toContain(
      '<p> is not allowed in <columns>: expected <column>',
    );
    expect(templateErrorFrom('<notice title="t" lang="en"><p>x</p></notice>').message).toContain(
      '<p> is not allowed in <notice>: expected <page>',
    );
  });

  it('gives a <qr> with text directly inside (not in a label block) as a TemplateError', () => {
    expect(templateErrorFrom(notice('<qr href="https://x.org/">x</qr>')).message).toContain('<qr> cannot hold text directly');
  });

  it('names the source in every error', () => {
    expect(templateErrorFrom(notice('<blink/>')).message).toMatch(/^template test \(filled markup\): line \d+/);
  });
});

describe('parseMarkup: error context', () => {
  it('shows the line of filled markup the faulty element is on', () => {
    const error = thrown(TemplateError, () =>
      parseMarkup('<notice title="t" lang="en">\n<page>\n  <blink/>\n</page></notice>', 'template test'),
    );
    expect(error.message).toMatch(/line 3, column \d+: <blink>.*\n\s+<blink\/>$/s);
  });
});
