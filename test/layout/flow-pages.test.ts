import { describe, expect, it } from 'vitest';

import { fontSet } from '../../src/fonts/font-set.js';
import { layoutNotice } from '../../src/layout/layout-notice.js';
import { pageTheme, DEFAULT_THEME } from '../../src/layout/theme.js';
import { parseMarkup } from '../../src/parse/parse-markup.js';
import { prepare } from '../../src/session/prepare.js';
import { allNodes, glyphRuns } from './laid-items.js';

const words = (n: number) =>
  Array.from({ length: 60 }, (_, i) => `w${n}x${i}`)
    .join(' ')
    .trim();
const paragraphs = (count: number) => Array.from({ length: count }, (_, n) => `<p>${words(n)}</p>`).join('');
const lay = (body: string, flow: boolean) =>
  layoutNotice(parseMarkup(`<notice title="T" lang="en"><page${flow ? ' flow="yes"' : ''}>${body}</page></notice>`, 'test'), {
    size: 'letter',
    fonts: fontSet(),
  });

describe('<page flow="yes">', () => {
  it('continues on more pages, each paragraph whole on one page, every line inside the margins', () => {
    const pages = lay(`<h1>Title</h1>${paragraphs(30)}`, true);
    expect(pages.length).toBeGreaterThan(1);
    const margin = pageTheme(DEFAULT_THEME, 'letter').margin;
    const pageOf = new Map<number, number>();
    pages.forEach((page, index) => {
      for (const run of glyphRuns(page.nodes)) {
        expect(run.y).toBeGreaterThan(margin);
        expect(run.y).toBeLessThanOrEqual(page.height - margin);
        for (const match of run.text.matchAll(/w(\d+)x/g)) {
          const paragraph = Number(match[1]);
          expect(pageOf.get(paragraph) ?? index).toBe(index);
          pageOf.set(paragraph, index);
        }
      }
    });
    // Every paragraph is there, in order.
    expect([...pageOf.keys()]).toEqual(Array.from({ length: 30 }, (_, n) => n));
    expect([...pageOf.values()]).toEqual([...pageOf.values()].sort((a, b) => a - b));
  });

  it('breaks a long list between its items, and a language section between its blocks, keeping the language', () => {
    const items = Array.from({ length: 90 }, (_, i) => `<item>entry ${i}</item>`).join('');
    const pages = lay(`<section lang="es" dir="ltr"><h1>Lista</h1><list>${items}</list></section>`, true);
    expect(pages.length).toBeGreaterThan(1);
    const seen = pages.flatMap((page) =>
      glyphRuns(page.nodes).flatMap((run) => [...run.text.matchAll(/entry (\d+)/g)].map((m) => Number(m[1]))),
    );
    expect(seen).toEqual(Array.from({ length: 90 }, (_, i) => i));
    for (const page of pages) {
      const sections = allNodes(page.nodes).filter((node) => node.role === 'Sect');
      expect(sections).toHaveLength(1);
      expect(sections[0]!.lang).toBe('es');
      expect(allNodes(page.nodes).filter((node) => node.role === 'L')).toHaveLength(1);
    }
  });

  it('keeps a page that fits on one page', () => {
    expect(lay(`<h1>Title</h1>${paragraphs(2)}`, true)).toHaveLength(1);
  });

  it('does not flow a page that does not ask to: too much text is still an error', () => {
    expect(() => lay(paragraphs(30), false)).toThrow(/does not fit/);
  });
});

describe('the staff sheet', () => {
  const business = { name: 'Taqueria El Sol', contact_name: 'María López, 612-555-0100', backup_contact: 'Juan Pérez, 612-555-0111' };

  it('is two numbered pages in English with a short contact list (about 70 characters a line)', () => {
    const renderer = prepare({ template: 'staff-sheet', languages: ['en'] });
    const pages = renderer.layout({ ...business, legal_contact: 'Legal Aid 612-555-0199' }).pages;
    expect(pages).toHaveLength(2);
    pages.forEach((page, i) => expect(glyphRuns(page.nodes).map((run) => run.text)).toContain(`${i + 1}/2`));
  });

  it('flows onto more pages with a long contact list, each numbered', () => {
    const renderer = prepare({ template: 'staff-sheet', languages: ['en'] });
    const contacts = Array.from({ length: 12 }, (_, i) => `Legal aid line ${i + 1}, weekdays, 612-555-01${10 + i}`);
    const laid = renderer.layout({ ...business, legal_contact: contacts.join(';') });
    expect(laid.pages.length).toBeGreaterThanOrEqual(2);
    const text = laid.pages.map((page) =>
      glyphRuns(page.nodes)
        .map((run) => run.text)
        .join(' '),
    );
    expect(text.at(-1)).toContain('612-555-0121');
    expect(text[0]).not.toContain('612-555-0121');
    // Every page carries the business's name, its number and the version line.
    text.forEach((page, i) => {
      expect(page).toContain('Taqueria El Sol');
      expect(page).toContain(`${i + 1}/${text.length}`);
      expect(page).toMatch(/staff-sheet · \d{4}-\d\d-\d\d · en · placard/);
    });
  });

  it('flows with many languages, one language section after another', () => {
    const renderer = prepare({ template: 'staff-sheet', languages: ['en', 'es', 'vi', 'zh-Hans'] });
    const laid = renderer.layout(business);
    expect(laid.pages.length).toBeGreaterThanOrEqual(2);
    const langs = laid.pages.flatMap((page) =>
      allNodes(page.nodes)
        .filter((node) => node.role === 'Sect' && node.lang !== undefined)
        .map((node) => node.lang),
    );
    for (const code of ['en', 'es', 'vi', 'zh-Hans']) expect(langs).toContain(code);
  });
});

describe('<header> and <footer> on a flowing page', () => {
  const textOf = (page: { nodes: Parameters<typeof glyphRuns>[0] }) =>
    glyphRuns(page.nodes)
      .map((run) => run.text)
      .join(' ');

  it('prints the header at the top and the footer at the bottom of every page it makes', () => {
    const pages = lay(
      `<header><p>HEAD-LINE</p></header><h1>Title</h1>${paragraphs(30)}<footer><p size="meta">FOOT-LINE</p></footer>`,
      true,
    );
    expect(pages.length).toBeGreaterThan(1);
    const margin = pageTheme(DEFAULT_THEME, 'letter').margin;
    for (const page of pages) {
      const runs = glyphRuns(page.nodes);
      const head = runs.find((run) => run.text.includes('HEAD-LINE'))!;
      const foot = runs.find((run) => run.text.includes('FOOT-LINE'))!;
      expect(Math.min(...runs.map((run) => run.y))).toBe(head.y);
      expect(Math.max(...runs.map((run) => run.y))).toBe(foot.y);
      // The footer sits at the bottom margin, not right under the text.
      expect(page.height - margin - foot.y).toBeLessThan(10);
    }
    // The body is still all there, once.
    const all = pages.map(textOf).join(' ');
    for (let n = 0; n < 30; n++) expect(all.match(new RegExp(`w${n}x0 `, 'g'))).toHaveLength(1);
  });

  it('keeps a page that fits as it is, header first and footer last', () => {
    const pages = lay(`<header><p>HEAD-LINE</p></header><p>body</p><footer><p>FOOT-LINE</p></footer>`, true);
    expect(pages).toHaveLength(1);
    expect(textOf(pages[0]!)).toMatch(/^HEAD-LINE body FOOT-LINE$/);
  });

  it('are the first and last elements of a page, or an error with line and column', () => {
    expect(() => parseMarkup('<notice title="T" lang="en">\n<page><p>x</p><header><p>h</p></header></page></notice>', 'test')).toThrow(
      /line 2.*<header>.*must be the first element of its <page>/s,
    );
    expect(() => parseMarkup('<notice title="T" lang="en"><page><footer><p>f</p></footer><p>x</p></page></notice>', 'test')).toThrow(
      /must be the last element of its <page>/,
    );
    const page = parseMarkup(
      '<notice title="T" lang="en"><page><header><p>h</p><rule/></header><p>x</p><footer><p>f</p></footer></page></notice>',
      't',
    ).pages[0]!;
    expect([page.head, page.foot, page.children.length]).toEqual([2, 1, 4]);
  });
});

describe('a runaway flowing page', () => {
  it('stops at MAX_FLOW_PAGES pages with the usual "does not fit" error', () => {
    const items = Array.from({ length: 2000 }, (_, i) => `<item>entry ${i}</item>`).join('');
    expect(() => lay(`<list>${items}</list>`, true)).toThrow(/does not fit/);
  });
});

describe('the flow attribute', () => {
  it('takes yes or no, and names the line and column otherwise', () => {
    expect(() => parseMarkup('<notice title="T" lang="en">\n<page flow="maybe"><p>x</p></page></notice>', 'test')).toThrow(
      /line 2.*flow="maybe"; expected one of yes, no/s,
    );
    expect(parseMarkup('<notice title="T" lang="en"><page flow="no"><p>x</p></page></notice>', 'test').pages[0]!.flow).toBeUndefined();
  });
});
