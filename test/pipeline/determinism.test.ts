import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderNotice } from '../../src/session/render-notice.js';
import { prepare } from '../../src/session/prepare.js';
import type { RenderRequest, SessionOptions } from '../../src/contract/public-api.js';

const target: RenderRequest = {
  template: 'private-areas',
  languages: ['en', 'ar'],
  sets: ['name=مخبز Acme 24', 'contact_name=Ana', 'private_areas=Kitchen;Office'],
};

describe('determinism', () => {
  it('gives the same bytes for the same notice, whatever the process rendered before it', async () => {
    const first = (await renderNotice(target)).pdf;
    // Other notices warm the process-wide caches (fonts, shaping, layout, QR) in another order.
    for (const languages of [['zh-Hant', 'en'], ['my'], ['es', 'vi', 'ko'], ['fa', 'ur']]) {
      await renderNotice({ template: 'private-areas', languages, sets: ['name=Warm 金龍 مخبز', 'contact_name=X'] });
    }
    const again = (await renderNotice(target)).pdf;
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('does not change the request it is given', async () => {
    const request = structuredClone(target);
    await renderNotice(request);
    expect(request).toEqual(target);
  });
});

/**
 * Auto-fit starts each page's search where the session's last page of its
 * kind ended; the answer must not depend on it. Rows that break it are
 * business names and contacts too wide for a line, tall scripts in Latin
 * text, and pages whose key line gives way (three languages on A4).
 */
describe('a notice laid out after other rows', () => {
  type Row = Record<string, string>;
  const laidAlone = (options: SessionOptions, row: Row): string => JSON.stringify(prepare(options).layout(row).pages);
  const laidAfter = (options: SessionOptions, before: readonly Row[], row: Row): string => {
    const session = prepare(options);
    for (const other of before) session.layout(other);
    return JSON.stringify(session.layout(row).pages);
  };
  const WORDS = ['Back', 'room', 'مخبز', 'الأندلس', '福满楼', 'Tortillería', 'ဆိုင်', '가게', 'دکان', 'Xawaash', 'Supermercado'];
  const text = (max: number) =>
    fc.oneof(
      fc.integer({ min: 10, max }).map((n) => 'W'.repeat(n)),
      fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' ').slice(0, max)),
    );
  const row = fc.record({
    name: text(78),
    contact_name: text(58),
    contact_role: fc.constantFrom('', 'Owner', 'Shift lead on duty'),
    private_areas: fc.array(text(38), { maxLength: 4 }).map((areas) => areas.join(';')),
  });
  const OPTIONS: SessionOptions[] = [
    { template: 'private-areas', languages: ['ar', 'zh-Hans', 'es'], size: 'a4', arrange: 'columns' },
    { template: 'private-areas', languages: ['my', 'ko', 'ur'], size: 'a4', arrange: 'pages' },
    { template: 'private-areas', languages: ['en', 'so'], size: 'letter' },
    { template: 'staff-only', languages: ['my', 'ko', 'ur'], size: 'letter', arrange: 'stacked' },
  ];

  // Each pair laid out differently after its first row than alone, before pages were made never to grow as text shrinks.
  const W = (n: number) => 'W'.repeat(n);
  const PAIRS: { options: SessionOptions; before: Row; row: Row }[] = [
    {
      // A name too wide for a line broke in place at one scale and took a line of its own at the next.
      options: { template: 'private-areas', languages: ['ar', 'zh-Hans', 'es'], size: 'a4', arrange: 'columns' },
      before: { name: 'مخبز\u200f الأندلس', country: 'x', private_areas: 'x', report_url: 'https://example.org/r?a=1&b=0' },
      row: {
        name: 'Back room',
        country: 'x',
        contact_name: W(60),
        contact_role: 'x',
        private_areas: 'x',
        report_url: 'https://example.org/r?a=1&b=15',
      },
    },
    {
      // An Urdu word moving onto a line of Latin made that line taller: a page at a smaller scale was higher.
      options: { template: 'private-areas', languages: ['my', 'ko', 'ur'], size: 'a4', arrange: 'pages' },
      before: {
        name: 'دکان Street',
        contact_name: W(45),
        contact_role: '',
        private_areas: '가게 Sandwich Lake;Panadería WWWWWWWWWWWWWWWW;金龍 شركة;가게',
      },
      row: {
        name: '金龍 Supermercado Xawaash Mercado International',
        contact_name: W(59),
        contact_role: 'Owner',
        private_areas: 'Hòa;Street;Somali ဆိုင် Sandwich;Cooperative',
      },
    },
    {
      // The Urdu title's size was a sawtooth in the scale.
      options: { template: 'staff-only', languages: ['my', 'ko', 'ur'], size: 'letter', arrange: 'stacked' },
      before: { name: '福满楼 دکان 金龍 ဆိုင်' },
      row: { name: 'WWWWWWWWWWWWWWWW Xawaash 金龍 Xawaash 福满楼' },
    },
  ];

  it.each(PAIRS.map((pair, i) => [i + 1, pair] as const))('is the notice laid out alone (case %i)', (_, { options, before, row }) => {
    expect(laidAfter(options, [before], row)).toBe(laidAlone(options, row));
  });

  it('is the notice laid out alone, whatever rows came before (random rows)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPTIONS), fc.array(row, { minLength: 1, maxLength: 4 }), row, (options, before, target) => {
        expect(laidAfter(options, before, target)).toBe(laidAlone(options, target));
      }),
      { seed: 20261202, numRuns: 8 },
    );
  });
});

/**
 * `placard render` starts auto-fit where the last render's pages ended, from
 * a file in the user's cache folder (layout/fit-hints.ts) that anything may
 * have written: whatever step it gives each kind of page, the pages are the
 * ones laid out with no hints.
 */
describe('a notice laid out from fit hints', () => {
  type Row = Record<string, string>;
  const OPTIONS: SessionOptions[] = [
    { template: 'private-areas', languages: ['en', 'es'] },
    { template: 'private-areas', languages: ['ar', 'zh-Hans'] },
    { template: 'private-areas', languages: ['ar', 'zh-Hans', 'es'], size: 'a4', arrange: 'columns' },
    { template: 'staff-only', languages: ['my', 'ko', 'ur'], size: 'letter', arrange: 'stacked' },
    { template: 'property-use', languages: ['en', 'so'], size: 'tabloid' },
    // Wrapping columns: the page may be lower at a larger scale (columns.ts holdsWrappingColumns).
    { template: 'home', languages: ['en', 'es'], size: 'legal', arrange: 'columns' },
  ];
  const ROWS: Row[] = [
    { name: 'Lake Street Tortillería', contact_name: 'Rosa Delgado', contact_role: 'Owner', private_areas: 'Kitchen;Office' },
    { name: 'مخبز الأندلس 福满楼 '.repeat(3), contact_name: 'W'.repeat(50), private_areas: 'Back room;Storage;Office;Kitchen' },
  ];
  /** The pages, and the kinds of page their session met (the keys a hints file holds). */
  const alone = (options: SessionOptions, row: Row) => {
    const session = prepare(options);
    return { pages: JSON.stringify(session.layout(row).pages), kinds: session.fitHints().map(([kind]) => kind) };
  };
  const cases = OPTIONS.flatMap((options) => ROWS.map((row) => ({ options, row, ...alone(options, row) })));

  it('is the notice laid out with none, whatever step each kind of page is given', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.infiniteStream(fc.oneof(fc.constantFrom(0, 1, 1024), fc.integer({ min: 0, max: 1024 }))),
        fc.array(fc.tuple(fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 1024 })), { maxLength: 4 }),
        ({ options, row, pages, kinds }, steps, strangers) => {
          const fitHints = [...strangers, ...kinds.map((kind) => [kind, steps.next().value as number] as const)];
          expect(JSON.stringify(prepare({ ...options, fitHints }).layout(row).pages)).toBe(pages);
        },
      ),
      { seed: 20261203, numRuns: 36 },
    );
  });

  it('gives the same PDF bytes from the hints another session left, and from the extremes', async () => {
    const options: SessionOptions = { template: 'private-areas', languages: ['ar', 'zh-Hans'], sourceDateEpoch: 1_700_000_000 };
    const row = ROWS[0]!;
    const first = prepare(options);
    const reference = await first.render(row);
    const left = first.fitHints();
    expect(left.length).toBeGreaterThan(1);
    for (const fitHints of [left, left.map(([kind]) => [kind, 0] as const), left.map(([kind]) => [kind, 1024] as const)]) {
      const again = await prepare({ ...options, fitHints }).render(row);
      expect(again.ok && reference.ok && Buffer.from(again.pdf).equals(Buffer.from(reference.pdf))).toBe(true);
    }
  });

  it('a business packet: the same pages from any steps', () => {
    const options: SessionOptions = { template: 'business-packet', languages: ['en', 'es'] };
    const row = ROWS[0]!;
    const session = prepare(options);
    const pages = JSON.stringify(session.layout(row).pages);
    const kinds = session.fitHints().map(([kind]) => kind);
    expect(kinds.length).toBeGreaterThan(2);
    for (const step of [0, 7, 40, 1024]) {
      expect(JSON.stringify(prepare({ ...options, fitHints: kinds.map((kind) => [kind, step] as const) }).layout(row).pages)).toBe(pages);
    }
  });
});
