/**
 * What the English staff sheet must say (content.md facts 1 to 5), read back
 * from the PDF; every page of a flowing sheet carries the business's name
 * and the version line; public-property needs the order it rests on.
 */
import { describe, expect, it } from 'vitest';

import { renderNotice } from '../../src/session/render-notice.js';
import { placardIn as placard } from '../cli/run-placard.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { hasTool, pdftotext } from '../helpers/system-tools.js';

const squeezed = (text: string) => text.normalize('NFC').replace(/[\s\p{Cf}]+/gu, '');
const BUSINESS = ['name=Taqueria El Sol', 'contact_name=María López', 'contact_phone=612-555-0101', 'backup_contact=Juan Pérez'];

/** Each point, as the sheet prints it. */
const POINTS = [
  // Fact 1: the warrant check, and what to do when it is judicial.
  'A judicial warrant is issued by a court',
  'A paper from an immigration court is not a judicial warrant',
  'signed by a judge or a magistrate, not by an immigration judge or an immigration officer',
  'Department of Homeland Security, ICE or Border Patrol (CBP)',
  'Form I-200 or I-205, is an administrative warrant',
  'check the address, the areas it names and the date on it',
  'If it is a judicial warrant: let the officers search the places it names',
  'Do not consent to anything beyond it, and call the designated contact',
  // Facts 2 and 4.
  'For the non-public areas, ask for a judicial warrant signed by a judge',
  '"I can\'t give permission. Please speak with María López."',
  'Ask for a copy, or take a photo of it',
  "Write down the officers' names, badge numbers and agency, and what happened",
  // Fact 3.
  'Everyone may stay silent and may decline to sign documents',
  // Fact 5.
  'Never physically block or interfere with officers',
  'Never lie or show false papers',
  'Never hide anyone or help anyone hide, and do not run',
  // Whom to call.
  // The top strip: the contact's name and phone printed big, one under the other.
  'Designated contact: María López Phone: 612-555-0101',
  'Backup: Juan Pérez',
  'This is general information, not legal advice',
];

describe('the English staff sheet', () => {
  it('says every required point, read back with pdf.js', async () => {
    const rendered = await renderNotice({ template: 'staff-sheet', languages: ['en'], sets: BUSINESS });
    const text = squeezed((await readPdf(rendered.pdf)).text);
    for (const point of POINTS) expect(text, point).toContain(squeezed(point));
  });

  it.skipIf(!hasTool('pdftotext'))('says every required point, read back with poppler', async () => {
    const rendered = await renderNotice({ template: 'staff-sheet', languages: ['en'], sets: BUSINESS });
    // poppler keeps straight quotes and the middle dot as they are, and drops the hyphen of a line broken after one ("non-").
    const unhyphenated = (text: string) => squeezed(text).replaceAll('-', '');
    const text = unhyphenated(pdftotext(rendered.pdf));
    for (const point of POINTS) expect(text, point).toContain(unhyphenated(point));
  });

  it("prints the contact's phone: contact_phone, else the business's phone, else a line to write it on", async () => {
    const text = async (sets: string[]) => squeezed((await readPdf((await renderNotice({ template: 'staff-sheet', sets })).pdf)).text);
    expect(await text(['name=A', 'contact_name=Rosa', 'phone=612-555-0100'])).toContain(
      squeezed('Designated contact: Rosa Phone: 612-555-0100'),
    );
    expect(await text(['name=A', 'contact_name=Rosa'])).toContain(squeezed('Designated contact: Rosa Phone: ____'));
    expect(await text(['name=A', 'contact_name=Rosa', 'phone=612-555-0100', 'contact_phone=612-555-0109'])).toContain(
      squeezed('Designated contact: Rosa Phone: 612-555-0109'),
    );
    const none = await text(['name=A']);
    expect(none).toContain(squeezed('Designated contact: ____'));
    expect(none).toContain(squeezed('Please speak with the manager."'));
    const backup = await text(['name=A', 'backup_contact=Juan', 'phone=612-555-0100', 'backup_phone=612-555-0102']);
    expect(backup).toContain(squeezed('Backup: Juan · Phone: 612-555-0102'));
  });

  it('carries the business name and the version line on every page when it flows', async () => {
    const rendered = await renderNotice({
      template: 'staff-sheet',
      languages: ['en', 'es', 'vi', 'zh-Hans'],
      sets: [...BUSINESS, `legal_contact=${Array.from({ length: 8 }, (_, i) => `Legal aid line ${i}, 612-555-01${10 + i}`).join(';')}`],
    });
    const facts = await readPdf(rendered.pdf);
    expect(facts.pageCount).toBeGreaterThan(1);
    for (const page of facts.pages) {
      expect(page.text).toContain('Taqueria El Sol');
      expect(page.text).toMatch(/staff-sheet · \d{4}-\d\d-\d\d · en · es\* · vi\* · zh-Hans\* · placard/);
    }
  });
});

describe('public-property', () => {
  it('without order_number is exit 1, naming the field', async () => {
    const run = await placard([
      'render',
      'public-property',
      '--set',
      'name=Lake Street Library',
      '--set',
      'jurisdiction=City of Minneapolis',
      '-o',
      '-',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/order_number.*required/);
    expect(run.stdout.length).toBe(0);
  });
});
