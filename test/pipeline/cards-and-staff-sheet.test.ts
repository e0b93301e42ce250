import { describe, expect, it } from 'vitest';

import { InputError } from '../../src/errors.js';
import { cardGrid, mirroredSlot } from '../../src/impose/card-sheet.js';
import { PAGE_SIZES } from '../../src/contract/page-sizes.js';
import { prepare } from '../../src/session/prepare.js';
import { renderNotice } from '../../src/session/render-notice.js';
import { locales } from '../../src/strings/locale-catalog.js';
import { decodeQr, readPdf } from '../helpers/pdf-reader.js';
import { glyphRuns } from '../layout/laid-items.js';

const RIGHTS = 'https://www.ilrc.org/red-cards';
const PAIRS = [
  ['en', 'es'],
  ['en', 'ar'],
  ['en', 'zh-Hans'],
] as const;
const SIZES = ['letter', 'a4'] as const;
const strings = (code: string, namespace: string) => locales().get(code)!.namespaces[namespace] as Record<string, string>;
const compact = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

describe.each(PAIRS)('the new templates in %s + %s', (first, second) => {
  describe.each(SIZES)('on %s', (size) => {
    it('renders the staff sheet: both languages read back, and the QR code decodes to the rights link', async () => {
      const rendered = await renderNotice({
        template: 'staff-sheet',
        languages: [first, second],
        size,
        sets: ['name=Taqueria El Sol', 'contact_name=María López', 'backup_contact=Juan Pérez', 'legal_contact=Legal Aid 612-555-0199'],
      });
      const facts = await readPdf(rendered.pdf);
      const text = compact(facts.text);
      for (const code of [first, second]) {
        expect(text).toContain(compact(strings(code, 'staff-sheet').title!));
        expect(text).toContain(compact(strings(code, 'staff-sheet').check_heading!));
      }
      expect(text).toContain(compact('María López'));
      expect(text).toContain(compact('Legal Aid 612-555-0199'));
      for (const page of facts.pages)
        expect([page.width, page.height].map(Math.round)).toEqual([PAGE_SIZES[size].width, PAGE_SIZES[size].height].map(Math.round));
      expect(await decodeQr(rendered.pdf, { pageIndex: rendered.pageCount - 1 })).toBe(RIGHTS);
    });

    it('renders rights cards in duplex: the front sheet in the first language, the back sheet in the second', async () => {
      const rendered = await renderNotice({
        template: 'rights-cards',
        languages: [first, second],
        size,
        arrange: 'duplex',
        sets: ['name=Taqueria El Sol'],
      });
      expect(rendered.pageCount).toBe(2);
      const facts = await readPdf(rendered.pdf);
      const [front, back] = facts.pages.map((page) => compact(page.text));
      for (const [sheet, code, other] of [
        [front!, first, second],
        [back!, second, first],
      ] as const) {
        const card = strings(code, 'rights-cards');
        expect(sheet.split(compact(card.title!)).length - 1).toBe(10);
        expect(sheet).toContain(compact(card.warrant!));
        expect(sheet).not.toContain(compact(strings(other, 'rights-cards').title!));
      }
    });
  });
});

describe('rights cards, on coordinates', () => {
  for (const size of SIZES) {
    it(`puts each back title behind its front title on ${size} (long-edge duplex)`, () => {
      const renderer = prepare({ template: 'rights-cards', languages: ['en', 'es'], size, arrange: 'duplex' });
      const laid = renderer.layout({ name: 'Taqueria' });
      const paper = PAGE_SIZES[size];
      const grid = cardGrid(paper, { width: 252, height: 144 });
      const titleRuns = (index: number, title: string) => glyphRuns(laid.pages[index]!.nodes).filter((run) => run.text === title);
      const fronts = titleRuns(0, 'Know your rights');
      const backs = titleRuns(1, 'Conozca sus derechos');
      expect(fronts).toHaveLength(10);
      expect(backs).toHaveLength(10);
      grid.slots.forEach((slot, i) => {
        const front = fronts[i]!;
        const back = backs[i]!;
        // The same card offset within its slot, front and back (each side fits its own text, so the
        // titles' sizes, and with them their baselines, may differ a little).
        const mirrored = mirroredSlot(slot, grid);
        expect(back.x - mirrored.x).toBeCloseTo(front.x - slot.x, 6);
        expect(Math.abs(back.y - front.y)).toBeLessThan(4);
        expect(back.y - slot.y).toBeGreaterThan(0);
        expect(back.y - slot.y).toBeLessThan(30);
        // Turned over on the long edge, the back card's slot covers the front card's slot.
        expect(paper.width - (mirrored.x + 252)).toBeCloseTo(slot.x, 6);
        expect(Math.floor((back.x - grid.slots[0]!.x) / 252)).toBe(grid.columns - 1 - slot.column);
      });
    });
  }

  it('refuses more than two languages in duplex, naming --arrange pages', async () => {
    const error = await renderNotice({
      template: 'rights-cards',
      languages: ['en', 'es', 'ar'],
      arrange: 'duplex',
      sets: ['name=X'],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]!.message).toContain('--arrange pages');
  });

  it('gives three languages a sheet each, and says so, when the arrangement was left open', async () => {
    const rendered = await renderNotice({ template: 'rights-cards', languages: ['en', 'es', 'ar'], sets: ['name=X'] });
    expect(rendered.pageCount).toBe(3);
    expect(rendered.warnings.map((warning) => warning.message)).toContainEqual(
      'duplex cards hold two languages (one on each side), so each of the 3 languages has its own sheet (--arrange pages)',
    );
  });

  it('gives one single-sided sheet per language with --arrange pages', async () => {
    const rendered = await renderNotice({ template: 'rights-cards', languages: ['en', 'es', 'ar'], arrange: 'pages', sets: ['name=X'] });
    expect(rendered.pageCount).toBe(3);
  });
});
