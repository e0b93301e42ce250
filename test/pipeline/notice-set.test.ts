import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderNotice } from '../../src/session/render-notice.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { decodeAllQr } from '../helpers/qr-codes.js';
import { hasTool, pdftotext } from '../helpers/system-tools.js';

const RIGHTS = 'https://www.ilrc.org/red-cards';
const REPORT = 'https://www.minneapolismn.gov/report-incident';

/** Each new notice with the fields it prints, and the strings that must read back. */
const NOTICES = {
  'property-use': { sets: ['street=1510 E Lake St'], keys: ['title', 'statement', 'no_permission'], qr: [RIGHTS], advice: true },
  'public-property': {
    sets: ['jurisdiction=City of Minneapolis', 'order_number=Executive Order 2025-02', 'property_id=LIB-0042', `report_url=${REPORT}`],
    keys: ['title', 'statement', 'jurisdiction_label', 'order_label', 'property_label'],
    qr: [RIGHTS, REPORT],
    advice: true,
  },
  // No not-legal-advice line on the low-profile sign: it would reveal its purpose (content.md fact 5).
  'staff-only': { sets: [], keys: ['title', 'subtitle', 'not_public'], qr: [], advice: false },
} as const;

const strings = (lng: string, namespace: string) =>
  JSON.parse(readFileSync(new URL(`../../locales/${lng}/${namespace}.json`, import.meta.url), 'utf8')) as Record<string, string>;
/** Compare text without white space (lines of CJK text wrap without a space, pdf.js joins them with one) and without ZWNJ and other invisible format characters, which pdf.js drops. */
const squeezed = (text: string) => text.normalize('NFC').replace(/[\s\p{Cf}]+/gu, '');
const PDFJS_WRAPPED_LIMITS = ['bn', 'ur'];

const CASES = Object.keys(NOTICES).flatMap((id) =>
  ['es', 'ar', 'zh-Hans'].flatMap((other) => (['letter', 'a4'] as const).map((size) => ({ id: id as keyof typeof NOTICES, other, size }))),
);

describe.each(CASES)('$id in en+$other on $size', ({ id, other, size }) => {
  it('renders, every string and the business data read back, and every QR code decodes from pixels', async () => {
    const notice = NOTICES[id];
    const rendered = await renderNotice({
      template: id,
      languages: ['en', other],
      size,
      sets: ['name=Lake Street Tortillería', ...notice.sets],
    });
    const facts = await readPdf(rendered.pdf);
    // One page, unless the door sign's key line would fall below its least size: then one language per page, said in a warning.
    if (facts.pageCount > 1) {
      expect(facts.pageCount).toBe(2);
      expect(rendered.warnings.map((warning) => warning.message).join('\n')).toContain('each language has its own page (--arrange pages)');
    }
    const text = squeezed(facts.text);
    for (const lng of ['en', other]) {
      for (const key of notice.keys) expect(text).toContain(squeezed(strings(lng, id)[key]!));
      if (notice.advice) expect(text).toContain(squeezed(strings(lng, 'common').not_advice!));
      else expect(text).not.toContain(squeezed(strings(lng, 'common').not_advice!));
      if (notice.qr.length > 1) {
        // Two codes: each under its own heading, in every language.
        expect(text).toContain(squeezed(strings(lng, 'report-link').heading!));
        expect(text).toContain(squeezed(strings(lng, 'common').rights_heading!));
      }
    }
    expect(text).toContain(squeezed('Lake Street Tortillería'));
    for (const set of notice.sets) expect(text).toContain(squeezed(set.slice(set.indexOf('=') + 1)));
    // The version line marks a draft translation with "*", never the word "draft" on the face; the small staff-only sign has none.
    if (id === 'staff-only') expect(facts.text).not.toMatch(/placard \d/);
    else expect(facts.text).toMatch(new RegExp(`${id} · 2026-\\d\\d-\\d\\d · en · ${other}\\* · placard`));
    expect(facts.text).not.toContain('draft');
    expect((await decodeAllQr(rendered.pdf)).sort()).toEqual([...notice.qr].sort());
  });
});

describe('the second link', () => {
  it('prints a second QR code under its own heading on private-areas when report_url is given', async () => {
    const rendered = await renderNotice({
      template: 'private-areas',
      languages: ['en', 'es'],
      sets: ['name=Lake Street Tortillería', `report_url=${REPORT}`],
    });
    const text = squeezed((await readPdf(rendered.pdf)).text);
    expect(text).toContain(squeezed('Document an incident'));
    expect(text).toContain(squeezed('Documente un incidente'));
    expect(text).toContain(squeezed('Know your rights'));
    expect(text).toContain(REPORT);
    expect((await decodeAllQr(rendered.pdf)).sort()).toEqual([REPORT, RIGHTS].sort());
  });

  it('has no default: without report_url there is one code and no incident label', async () => {
    for (const template of ['private-areas', 'public-property']) {
      const rendered = await renderNotice({
        template,
        sets: ['name=Lake Street Library', 'jurisdiction=City of Minneapolis', 'order_number=Executive Order 2025-02'],
      });
      expect((await readPdf(rendered.pdf)).text).not.toContain('incident');
      expect(await decodeAllQr(rendered.pdf)).toEqual([RIGHTS]);
    }
  });

  it('never mentions immigration on the staff-only sign, in any language', () => {
    const words = /immigra|inmigra|migra|ICE|warrant|orden judicial|移民|이민|مهاجرت|هجرة|امیگریشن/i;
    for (const lng of ['en', 'es', 'fr', 'pt', 'zh-Hans', 'zh-Hant', 'ko', 'ar', 'fa', 'ur', 'vi', 'ru', 'tl', 'ht', 'so', 'hmn'])
      for (const value of Object.values(strings(lng, 'staff-only'))) expect(value).not.toMatch(words);
  });
});

describe('every shipped language', () => {
  const codes = readdirSync(new URL('../../locales/', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'en')
    .map((entry) => entry.name);

  it.each(codes)('fits each new notice with English and %s, and its title and statement read back', async (lng) => {
    for (const id of Object.keys(NOTICES) as (keyof typeof NOTICES)[]) {
      const rendered = await renderNotice({
        template: id,
        languages: ['en', lng],
        sets: ['name=Cabdi Maxamed Halal Market & Somali Restaurant', 'street=1510 E Lake St', ...NOTICES[id].sets],
      });
      const text = squeezed((await readPdf(rendered.pdf)).text);
      const own = strings(lng, id);
      expect(text).toContain(squeezed(own.title!));
      // Known pdf.js limits on wrapped paragraphs (poppler reads both right): it puts Bengali
      // candrabindu before the vowel sign (ঘঁাটি), and takes wrapped Nastaliq lines out of order.
      if (!PDFJS_WRAPPED_LIMITS.includes(lng)) expect(text).toContain(squeezed(own.statement ?? own.not_public!));
      else if (lng === 'bn' && hasTool('pdftotext'))
        expect(squeezed(pdftotext(rendered.pdf))).toContain(squeezed(own.statement ?? own.not_public!));
    }
  });
});
