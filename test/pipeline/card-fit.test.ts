/**
 * Wallet cards as people carry them (content.md fact 6): every point of a
 * red card, no business name unless the owner writes one in card_line, and
 * in every shipped language the text stays at least 3 mm inside the cut
 * line: measured on the rendered PDF's pixels, not on placard's own layout.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { InputError } from '../../src/errors.js';
import { cardGrid } from '../../src/impose/card-sheet.js';
import { PAGE_SIZES } from '../../src/contract/page-sizes.js';
import { renderNotice } from '../../src/session/render-notice.js';
import { locales } from '../../src/strings/locale-catalog.js';
import { renderPixels } from '../helpers/mupdf-pixels.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { hasTool, pdftotext } from '../helpers/system-tools.js';

const MM = 72 / 25.4;
const TEMPLATES = new URL('../../templates', import.meta.url).pathname;
const DPI = 150;
const CARD = { width: 3.5 * 72, height: 2 * 72 };
const PDFJS_LIMITS = ['bn', 'my'];
const squeezed = (text: string) => text.normalize('NFC').replace(/[\s\p{Cf}]+/gu, '');
/** The strings a card in this language prints: all of rights-cards but the officer-facing side, which prints in English only. */
const cardStrings = (code: string) =>
  Object.fromEntries(
    Object.entries(locales().get(code)!.namespaces['rights-cards'] as Record<string, string>).filter(
      ([key]) => !key.startsWith('officer_'),
    ),
  );

/** The least distance, in points, from any inked pixel of each card to that card's cut line; Infinity for a card with no ink. */
async function inkMargins(pdf: Uint8Array, pageIndex: number, size: 'letter' | 'a4'): Promise<number[]> {
  const image = renderPixels(pdf, pageIndex, DPI);
  const px = DPI / 72;
  return cardGrid(PAGE_SIZES[size], CARD).slots.map((slot) => {
    let least = Infinity;
    const [x0, y0] = [Math.ceil(slot.x * px), Math.ceil(slot.y * px)];
    const [x1, y1] = [Math.floor((slot.x + CARD.width) * px), Math.floor((slot.y + CARD.height) * px)];
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const at = (y * image.width + x) * 4;
        if (Math.min(image.data[at]!, image.data[at + 1]!, image.data[at + 2]!) > 160) continue;
        // The pixel covers [x, x + 1): measure from its outer edge.
        least = Math.min(least, (x - slot.x * px) / px, (slot.x * px + CARD.width * px - x - 1) / px);
        least = Math.min(least, (y - slot.y * px) / px, (slot.y * px + CARD.height * px - y - 1) / px);
      }
    }
    return least;
  });
}

describe('rights cards in every shipped language', () => {
  const codes = [...locales().keys()].sort();

  it('ship with every locale', () => {
    expect(codes.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(codes)('%s', (code) => {
    it.each(['letter', 'a4'] as const)('keeps every card its text at least 3 mm inside the cut line on %s', async (size) => {
      const rendered = await renderNotice({ template: 'rights-cards', languages: [code], size, arrange: 'pages' });
      const margins = await inkMargins(rendered.pdf, 0, size);
      expect(margins).toHaveLength(10);
      for (const margin of margins) {
        expect(margin).toBeLessThan(30 * MM); // there is text on the card
        expect(margin).toBeGreaterThanOrEqual(3 * MM);
      }
      // pdf.js reads some shaped scripts out of order (Bengali signs, Myanmar clusters): poppler reads them, one card at a time.
      if (PDFJS_LIMITS.includes(code)) {
        if (!hasTool('pdftotext')) return;
        const slot = cardGrid(PAGE_SIZES[size], CARD).slots[0]!;
        const text = squeezed(pdftotext(rendered.pdf, { x: slot.x, y: slot.y, width: CARD.width, height: CARD.height }));
        for (const line of Object.values(cardStrings(code))) expect(text).toContain(squeezed(line));
      } else {
        const text = squeezed((await readPdf(rendered.pdf)).text);
        for (const line of Object.values(cardStrings(code))) expect(text).toContain(squeezed(line));
      }
    });
  });

  it('refuses a card whose text does not fit, naming the language and what to do, rather than clip it', async () => {
    // The same card with Urdu in its usual Nastaliq (no `faces:` in the theme): 196 pt of text for 124 pt of card at 6 pt.
    const dir = mkdtempSync(join(tmpdir(), 'placard-cards-'));
    cpSync(join(TEMPLATES, 'rights-cards'), join(dir, 'rights-cards'), { recursive: true });
    const theme = join(dir, 'rights-cards', 'theme.yaml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace(/^faces:.*$/m, ''));
    try {
      const error = await renderNotice({ template: 'rights-cards', templateDirs: [dir], languages: ['en', 'ur'] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      const problem = (error as InputError).problems[0]!;
      expect(problem).toMatchObject({ field: 'languages', value: 'ur' });
      expect(problem.message).toContain('in language ur');
      expect(problem.message).toMatch(/never clips/);
      expect(problem.message).toMatch(/full-page notice|shorten/);
      expect(problem.message).not.toMatch(/--size/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the English card', () => {
  it('says every point of a red card, read back from the PDF', async () => {
    const rendered = await renderNotice({ template: 'rights-cards', languages: ['en'] });
    const text = squeezed((await readPdf(rendered.pdf)).text);
    for (const point of [
      'You do not have to open the door',
      'show a warrant through a window or to slide it under the door',
      'Check that a judge signed it (not an immigration officer or immigration judge)',
      'that it names you or your address',
      'You have the right to stay silent',
      'Say out loud that you choose to stay silent',
      'You may decline to sign anything',
      'Do not run, resist, lie or show false papers',
      'Ask to speak with a lawyer',
      'This is general information, not legal advice',
    ])
      expect(text).toContain(squeezed(point));
  });

  it.skipIf(!hasTool('pdftotext'))('reads the same points back with poppler', async () => {
    const rendered = await renderNotice({ template: 'rights-cards', languages: ['en'] });
    const text = squeezed(pdftotext(rendered.pdf));
    for (const point of ['Youdonothavetoopenthedoor', 'immigrationjudge', 'Sayoutloud', 'Donotrun,resist,lieorshowfalsepapers'])
      expect(text).toContain(point);
  });

  it('printed with no options carries no business name, and needs none', async () => {
    const rendered = await renderNotice({ template: 'rights-cards', languages: ['en', 'es'] });
    const facts = await readPdf(rendered.pdf);
    expect(facts.pageCount).toBe(2);
    expect(facts.text).not.toMatch(/Taqueria|Tortiller/);
  });

  it("never prints the business's name, even when the data has one; card_line is printed instead", async () => {
    const named = await renderNotice({ template: 'rights-cards', languages: ['en'], sets: ['name=Taqueria El Sol'] });
    expect((await readPdf(named.pdf)).text).not.toContain('Taqueria');
    const line = await renderNotice({
      template: 'rights-cards',
      languages: ['en'],
      sets: ['name=Taqueria El Sol', 'card_line=Rights hotline 1-800-555-0100'],
    });
    const text = (await readPdf(line.pdf)).text;
    expect(text).not.toContain('Taqueria');
    expect(text.split('Rights hotline 1-800-555-0100').length - 1).toBe(10);
  });
});
