/**
 * The staff sheet's top strip (issue #17 item 4), read back from the PDF with
 * poppler: the designated contact's name and phone in every language, a
 * write-in line when there is no number, page numbers on every page, and no
 * runt last page holding only the QR code.
 */
import { describe, expect, it } from 'vitest';

import { renderNotice } from '../../src/session/render-notice.js';
import { locales } from '../../src/strings/locale-catalog.js';
import { hasTool, pdftotext } from '../helpers/system-tools.js';

const squeezed = (text: string) => text.normalize('NFC').replace(/[\s\p{Cf}]+/gu, '');
const label = (code: string, key: string) => (locales().get(code)!.namespaces['staff-sheet'] as Record<string, string>)[key]!;
const PHONE = '612-555-0142';
const LANGUAGES = ['en', 'es', 'ar', 'zh-Hans', 'my'] as const;
const RTL = new Set<string>(['ar']);

/** The page texts of a rendered PDF, as poppler reads them (pages split at form feeds). */
const pages = (pdf: Uint8Array) => pdftotext(pdf).split('\f').slice(0, -1);

describe.skipIf(!hasTool('pdftotext'))('the staff sheet top strip', () => {
  it.each(LANGUAGES)('prints contact_phone under the contact name on the first page in %s', async (code) => {
    const rendered = await renderNotice({
      template: 'staff-sheet',
      languages: [code],
      sets: ['name=Cedar-Riverside Market', 'contact_name=Ana Torres', `contact_phone=${PHONE}`, 'phone=612-555-0100'],
    });
    const first = squeezed(pages(rendered.pdf)[0]!);
    expect(first).toContain('AnaTorres');
    expect(first).toContain(PHONE);
    // poppler puts an Arabic line's colon after the number; the label's word is still there.
    const phoneLabel = label(code, 'phone_label').replace('{{phone}}', PHONE);
    expect(first).toContain(squeezed(RTL.has(code) ? phoneLabel.split(':')[0]! : phoneLabel));
    // The business's own phone gives way to the contact's.
    expect(first).not.toContain('612-555-0100');
  });

  it.each(LANGUAGES)('prints a line to write the number on when there is no phone, in %s', async (code) => {
    const rendered = await renderNotice({ template: 'staff-sheet', languages: [code], sets: ['name=Cedar-Riverside Market'] });
    const first = squeezed(pages(rendered.pdf)[0]!);
    expect(first).toContain('______________________');
    expect(first).toContain(squeezed(label(code, 'phone_none').split(/[:：-]/)[0]!));
  });

  it('prints the phone in the strip of every language of a stacked sheet', async () => {
    const rendered = await renderNotice({
      template: 'staff-sheet',
      languages: [...LANGUAGES],
      sets: ['name=Cedar-Riverside Market', 'contact_name=Ana Torres', `contact_phone=${PHONE}`],
    });
    expect(squeezed(pdftotext(rendered.pdf)).split(PHONE).length - 1).toBe(LANGUAGES.length);
  });

  it.each([
    ['en,my', 'a4'],
    ['en,es', 'letter'],
    ['en,ar', 'tabloid'],
  ] as const)('numbers every page of %s on %s and leaves no runt last page', async (languages, size) => {
    const rendered = await renderNotice({
      template: 'staff-sheet',
      languages: languages.split(','),
      size,
      sets: ['name=Cedar-Riverside Market', 'contact_name=Ana Torres'],
    });
    const texts = pages(rendered.pdf);
    expect(texts.length).toBeGreaterThan(1);
    texts.forEach((text, i) => {
      expect(text).toContain('Cedar-Riverside Market');
      expect(text).toContain(`${i + 1}/${texts.length}`);
    });
    // The last page holds text of the sheet, not only the QR code, its label, the link and the footer.
    const last = texts.at(-1)!;
    const frame = ['Cedar-Riverside Market', 'https://www.ilrc.org/red-cards', `${texts.length}/${texts.length}`];
    const body = squeezed(frame.reduce((text, part) => text.replace(part, ''), last.replace(/staff-sheet ·.*$/m, '')));
    expect(body.length).toBeGreaterThan(150);
  });
});
