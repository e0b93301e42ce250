/**
 * Rights cards (issue #17 item 5): nothing under 6 pt, a line to write a
 * number on, right-to-left cards mirrored to the version line, and
 * `--arrange officer`: each language's card with the English officer-facing
 * side (content.md facts 3, 4 and 6) behind it, read back from the PDF.
 */
import { describe, expect, it } from 'vitest';

import { cardGrid } from '../../src/impose/card-sheet.js';
import { PAGE_SIZES } from '../../src/contract/page-sizes.js';
import { prepare } from '../../src/session/prepare.js';
import { renderNotice } from '../../src/session/render-notice.js';
import { locales } from '../../src/strings/locale-catalog.js';
import { glyphRuns } from '../layout/laid-items.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { hasTool, pdftotext } from '../helpers/system-tools.js';

const squeezed = (text: string) => text.normalize('NFC').replace(/[\s\p{Cf}]+/gu, '');
const english = locales().get('en')!.namespaces['rights-cards'] as Record<string, string>;
const OFFICER = [english.officer_title!, english.officer_silent!, english.officer_search!, english.officer_lawyer!];
const CARD = { width: 3.5 * 72, height: 2 * 72 };

describe('--arrange officer', () => {
  it('prints the Spanish card, then the English officer-facing side behind it', async () => {
    const rendered = await renderNotice({ template: 'rights-cards', languages: ['es'], arrange: 'officer' });
    const facts = await readPdf(rendered.pdf);
    expect(facts.pageCount).toBe(2);
    const [front, back] = facts.pages.map((page) => squeezed(page.text));
    const spanish = locales().get('es')!.namespaces['rights-cards'] as Record<string, string>;
    expect(front).toContain(squeezed(spanish.title!));
    expect(front).toContain(squeezed(spanish.phone_line!));
    for (const line of OFFICER) {
      expect(back).toContain(squeezed(line));
      expect(front).not.toContain(squeezed(line));
    }
    // English only, by design: no Spanish on the officer's side.
    expect(back).not.toContain(squeezed(spanish.officer_silent!));
    expect(back).not.toContain(squeezed(spanish.title!));
  });

  it('mirrors the officer side so each lands behind its own card, one pair per language', () => {
    const laid = prepare({ template: 'rights-cards', languages: ['es', 'ar'], arrange: 'officer' }).layout({});
    expect(laid.pages.map((page) => page.side)).toEqual(['front', 'back', 'front', 'back']);
    const grid = cardGrid(PAGE_SIZES.letter, CARD);
    const xs = (index: number) => glyphRuns(laid.pages[index]!.nodes).map((run) => run.x);
    // The back's first (tagged) copy sits in the mirrored slot: the top-right card.
    expect(Math.min(...xs(1).slice(0, 3))).toBeGreaterThan(grid.slots[1]!.x);
    expect(Math.min(...xs(0).slice(0, 3))).toBeLessThan(grid.slots[1]!.x);
  });

  it.skipIf(!hasTool('pdftotext'))('reads back with poppler', async () => {
    const rendered = await renderNotice({ template: 'rights-cards', languages: ['es'], arrange: 'officer' });
    const back = squeezed(pdftotext(rendered.pdf).split('\f')[1]!);
    for (const line of OFFICER) expect(back).toContain(squeezed(line));
  });
});

describe('every rights card', () => {
  it.each(['en', 'es', 'ar', 'zh-Hans', 'am', 'my'])('sets nothing under 6 pt, in %s', (code) => {
    const laid = prepare({ template: 'rights-cards', languages: [code], arrange: 'officer' }).layout({
      card_line: 'Hotline 1-800-555-0100',
    });
    const sizes = laid.pages.flatMap((page) => glyphRuns(page.nodes).map((run) => run.size));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(6 - 1e-9);
  });

  it('puts the version line of a right-to-left card on the right, like its text', () => {
    const laid = prepare({ template: 'rights-cards', languages: ['ar'], arrange: 'pages' }).layout({});
    const slot = cardGrid(PAGE_SIZES.letter, CARD).slots[0]!;
    const runs = glyphRuns(laid.pages[0]!.nodes).filter((run) => run.x >= slot.x && run.x < slot.x + CARD.width);
    const version = runs.find((run) => run.text.includes('rights-cards'))!;
    // Left-aligned, it would start at the card's margin (about 10 pt in); right-aligned, past the card's first quarter.
    expect(version.x - slot.x).toBeGreaterThan(CARD.width / 4);
    const latin = prepare({ template: 'rights-cards', languages: ['en'], arrange: 'pages' }).layout({});
    const english = glyphRuns(latin.pages[0]!.nodes).find((run) => run.text.includes('rights-cards'))!;
    expect(english.x - slot.x).toBeLessThan(CARD.width / 4);
  });
});
