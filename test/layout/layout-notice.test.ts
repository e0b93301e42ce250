import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { fontSet } from '../../src/fonts/font-set.js';
import { layoutNotice } from '../../src/layout/layout-notice.js';
import { PAGE_SIZES } from '../../src/contract/page-sizes.js';
import { DEFAULT_THEME, pageTheme } from '../../src/layout/theme.js';

const LETTER = pageTheme(DEFAULT_THEME, 'letter');
const { margin: MARGIN, minBody: MIN_BODY, minSmall: MIN_SMALL, type: TYPE } = LETTER;
import { parseMarkup } from '../../src/parse/parse-markup.js';
import { allItems, glyphRuns, inputError, layPage, notice, qrBoxes, runWidth } from './laid-items.js';

const SMALL_NOTICE = `
  <box tone="dark">
    <h2 align="center"><field name="name">Lake Street Tortillería</field></h2>
  </box>
  <h1>Private area: staff only</h1>
  <p>Only employees of <field name="name">Lake Street Tortillería</field> may go past this door.</p>
  <list><item>Kitchen</item><item>Storage room</item></list>
  <rule/>
  <section lang="ar" dir="rtl">
    <h2>منطقة خاصة</h2>
    <p>هذه المنطقة خاصة بموظفي <field name="name">Lake Street Tortillería</field> فقط.</p>
  </section>
  <box tone="outline"><p size="small">Know your rights: scan the code.</p></box>
  <qr href="https://www.ilrc.org/red-cards" caption="ilrc.org/red-cards"/>
  <spacer grow="1"/>
  <p size="small" align="end">Posted by the management.</p>`;

const EPSILON = 1e-6;

describe('a small notice', () => {
  it.each(['letter', 'a4'] as const)('keeps every item on a %s page, and all text inside the margins', (size) => {
    const page = layPage(SMALL_NOTICE, size);
    const MARGIN = pageTheme(DEFAULT_THEME, size).margin;
    expect(page.width).toBe(PAGE_SIZES[size].width);
    expect(page.height).toBe(PAGE_SIZES[size].height);
    const items = allItems(page.nodes);
    expect(new Set(items.map((item) => item.type))).toEqual(new Set(['glyphs', 'rect', 'qr', 'link']));
    for (const item of items) {
      const boxes =
        item.type === 'qr' ? qrBoxes(item) : item.type === 'glyphs' ? [{ x: item.x, y: item.y, width: runWidth(item), height: 0 }] : [item];
      for (const box of boxes) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(page.width + EPSILON);
        expect(box.y + box.height).toBeLessThanOrEqual(page.height + EPSILON);
      }
    }
    for (const run of glyphRuns(page.nodes)) {
      expect(run.x).toBeGreaterThanOrEqual(MARGIN - EPSILON);
      expect(run.x + runWidth(run)).toBeLessThanOrEqual(page.width - MARGIN + EPSILON);
      expect(run.y).toBeGreaterThan(MARGIN);
      expect(run.y).toBeLessThanOrEqual(page.height - MARGIN + EPSILON);
      expect(run.glyphs.every((glyph) => glyph.id !== 0)).toBe(true);
    }
  });

  it('never changes the tree it lays out', () => {
    const tree = parseMarkup(notice([SMALL_NOTICE]), 'test');
    const before = JSON.stringify(tree);
    layoutNotice(tree, { size: 'letter', fonts: fontSet() });
    expect(JSON.stringify(tree)).toBe(before);
  });
});

describe('auto-fit', () => {
  const h1Runs = (title: string) => glyphRuns(layPage(`<h1>${title}</h1><p>Staff only.</p>`).nodes, 'H1');

  const lineCount = (runs: readonly { y: number }[]) => new Set(runs.map((run) => run.y)).size;

  it('shrinks a long title to at most two lines', () => {
    const short = h1Runs('Private area');
    const long = h1Runs('Lake Street Tortillería and Family Bakery: Private Employee Area');
    expect(short[0]!.size).toBeGreaterThanOrEqual(TYPE.h1);
    expect(lineCount(short)).toBe(1);
    expect(long[0]!.size).toBeLessThan(short[0]!.size);
    expect(lineCount(long)).toBe(2);
    for (const run of long) expect(run.x + runWidth(run)).toBeLessThanOrEqual(PAGE_SIZES.letter.width - MARGIN + EPSILON);
  });

  // A heading at its floor (TYPE_RATIO × body per level) that would take three lines makes auto-fit take a
  // smaller scale: on a roomy page this 87-character title would otherwise stop shrinking at a floor that grew with it.
  it('shrinks a very long title to at most two lines when the page has room', () => {
    const long = h1Runs('Lake Street Tortillería and Family Bakery: Private Employee Area, Authorized Staff Only');
    expect(long[0]!.size).toBeLessThan(TYPE.h1);
    expect(lineCount(long)).toBeLessThanOrEqual(2);
  });

  const PARAGRAPH = 'Staff only beyond this point. Please ask at the counter if you need help with anything today. '.repeat(3);
  const crowded = (paragraphs: number) =>
    `<h1>Private</h1>${`<p>${PARAGRAPH}</p>`.repeat(paragraphs)}<p size="small">Small print at the bottom.</p>`;

  it('keeps body text at least at its normal size when it fits', () => {
    const page = layPage(crowded(2));
    const sizes = glyphRuns(page.nodes, 'P').map((run) =>
      run.text.includes('Small print') ? run.size / TYPE.small : run.size / TYPE.normal,
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
  });

  it.each([9, 12, 16])('shrinks body text of %i paragraphs, but not below the minimum sizes', (paragraphs) => {
    const page = layPage(crowded(paragraphs));
    const body = glyphRuns(page.nodes, 'P').filter((run) => !run.text.includes('Small print'));
    const small = glyphRuns(page.nodes, 'P').filter((run) => run.text.includes('Small print'));
    expect(body.length).toBeGreaterThan(0);
    expect(small.length).toBeGreaterThan(0);
    const roomy = glyphRuns(layPage(crowded(2)).nodes, 'P').find((run) => !run.text.includes('Small print'))!;
    for (const run of body) {
      expect(run.size).toBeLessThan(TYPE.normal);
      expect(run.size).toBeLessThan(roomy.size);
      expect(run.size).toBeGreaterThanOrEqual(MIN_BODY);
    }
    for (const run of small) expect(run.size).toBeGreaterThanOrEqual(MIN_SMALL);
    expect(Math.max(...glyphRuns(page.nodes).map((run) => run.y))).toBeLessThanOrEqual(page.height - MARGIN);
  });

  it('brings small print down to its minimum when body text is near its own', () => {
    const page = layPage(crowded(16));
    const body = glyphRuns(page.nodes, 'P').find((run) => !run.text.includes('Small print'))!;
    const small = glyphRuns(page.nodes, 'P').find((run) => run.text.includes('Small print'))!;
    expect(body.size).toBeLessThan(TYPE.normal * (MIN_SMALL / TYPE.small));
    expect(small.size).toBe(MIN_SMALL);
  });

  it('throws an InputError naming the field and the language when the text cannot fit', () => {
    const areas = 'Kitchen, storage room, office, loading dock, break room; '.repeat(400);
    const error = inputError(() =>
      layPage(`<h1>Private</h1><section lang="es"><p>Áreas privadas: <field name="private_areas">${areas}</field></p></section>`),
    );
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.field).toBe('private_areas');
    expect(error.problems[0]!.message).toMatch(/language\W+es\b/);
    expect(error.message).toContain('private_areas');
  });
});

describe('missing glyphs in a notice', () => {
  it('become an InputError naming the field, the character and the language', () => {
    const error = inputError(() => layPage('<section lang="es"><p>Bienvenidos a <field name="name">Acme \uE000</field></p></section>'));
    expect(error.problems[0]!.field).toBe('name');
    expect(error.problems[0]!.message).toContain('U+E000');
    expect(error.problems[0]!.message).toMatch(/\bes\b/);
  });

  const names = JSON.parse(readFileSync(new URL('../fixtures/script-names.json', import.meta.url), 'utf8')) as Record<string, string>;
  const rtl = new Set(['ar', 'fa', 'ur']);

  it('lays out the name of every sample language without glyph 0', () => {
    const pages = Object.entries(names).map(
      ([lang, name]) =>
        `<section lang="${lang}" dir="${rtl.has(lang) ? 'rtl' : 'ltr'}"><h1><field name="name">${name}</field></h1>` +
        `<p>${name} — <b>${name}</b> 24/7</p></section>`,
    );
    const laid = layoutNotice(parseMarkup(notice(pages), 'test'), { size: 'letter', fonts: fontSet() });
    expect(laid).toHaveLength(pages.length);
    for (const page of laid) {
      const runs = glyphRuns(page.nodes);
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.flatMap((run) => run.glyphs).filter((glyph) => glyph.id === 0)).toEqual([]);
    }
  });
});
