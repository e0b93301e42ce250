import { describe, expect, it } from 'vitest';

import { fontSet } from '../../src/fonts/font-set.js';
import { layoutCaches } from '../../src/layout/layout-caches.js';
import { layoutNotice } from '../../src/layout/layout-notice.js';
import { parseMarkup } from '../../src/parse/parse-markup.js';
import { notice } from './laid-items.js';

const page = (name: string, areas: string) => `
  <box tone="dark"><p size="large" align="center"><b><field name="name">${name}</field></b></p></box>
  <spacer grow="1"/>
  <section lang="en" dir="ltr">
    <h1>Private area</h1>
    <h2>Employees only</h2>
    <p size="key">Entry to the non-public areas of this business requires a judicial warrant signed by a judge.</p>
    <p>Non-public areas: <field name="private_areas">${areas}</field></p>
    <list><item>Kitchen</item><item>Storage room</item></list>
  </section>
  <rule/>
  <section lang="ar" dir="rtl">
    <h1>منطقة خاصة</h1>
    <p>هذه المنطقة خاصة بموظفي <field name="name">${name}</field> فقط.</p>
  </section>
  <qr href="https://www.ilrc.org/red-cards" caption="ilrc.org/red-cards">
    <section lang="en" dir="ltr"><p size="small"><b>Scan to know your rights</b></p></section>
  </qr>`;

const ROWS = [
  ['Lake Street Tortillería', 'Kitchen'],
  ['مخبز الأندلس', 'Office, Back room, Storage, Loading dock'],
  ['A Very Long Business Name That Takes Two Lines On The Sign', 'Kitchen'],
  ['Ko', 'Office'],
] as const;

const lay = (row: readonly [string, string], caches?: ReturnType<typeof layoutCaches>) =>
  layoutNotice(parseMarkup(notice([page(...row)], 'en'), 'test'), { size: 'letter', fonts: fontSet(), ...(caches ? { caches } : {}) });

describe("the session's laid blocks", () => {
  it('give the same pages as laying out afresh, whatever the rows before', () => {
    const fresh = ROWS.map((row) => JSON.stringify(lay(row)));
    for (const order of [ROWS, [...ROWS].reverse()]) {
      const caches = layoutCaches();
      for (const row of [...order, ...order]) expect(JSON.stringify(lay(row, caches))).toBe(fresh[ROWS.indexOf(row)]);
    }
  });

  it('keep the template text, and not the business data', () => {
    const caches = layoutCaches();
    lay(ROWS[0], caches);
    const kept = [...caches.blocks.laid.keys()].join('\n');
    expect(kept).toContain('Private area');
    expect(kept).toContain('Kitchen');
    expect(kept).not.toContain('Lake Street');
    expect(caches.blocks.qr.sizes().recent).toBeGreaterThan(0);
    caches.clear();
    expect(caches.blocks.laid.size).toBe(0);
  });

  it("keep auto-fit's answers for a page by its template text, not its business data", () => {
    const caches = layoutCaches();
    lay(ROWS[0], caches);
    const pages = [...caches.blocks.pages.keys()];
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Private area');
    expect(pages[0]).not.toContain('Lake Street');
    // Another row of the same template asks its questions of the same page.
    lay(ROWS[3], caches);
    expect([...caches.blocks.pages.keys()]).toEqual(pages);
    caches.clear();
    expect(caches.blocks.pages.size).toBe(0);
  });
});
