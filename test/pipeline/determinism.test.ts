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
