/**
 * The staff sheet's measure (issue #17 item 4), read from the PDF with
 * poppler: one column on Letter, two under the full-width strip on tabloid
 * and legal, lines of about 70 characters (55 to 80) either way, every step
 * once and in order, the business name and "n/N" on every page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { renderNotice } from '../../src/session/render-notice.js';
import { hasTool } from '../helpers/system-tools.js';

interface Line {
  readonly page: number;
  readonly x: number;
  readonly text: string;
}

/** poppler's text of a PDF: `pdftotext` with extra arguments. */
function poppler(pdf: Uint8Array, args: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'placard-columns-'));
  try {
    writeFileSync(join(dir, 'sheet.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const unescape = (text: string) =>
  text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&apos;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** Every line poppler finds (-bbox-layout), with its page and left edge. */
function linesOf(pdf: Uint8Array): Line[] {
  return poppler(pdf, ['-bbox-layout'])
    .split('<page ')
    .slice(1)
    .flatMap((page, index) =>
      [...page.matchAll(/<line xMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((match) => ({
        page: index,
        x: Number(match[1]),
        text: unescape([...match[2]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => word[1]).join(' ')),
      })),
    );
}

const BUSINESS = ['name=Cedar-Riverside Market', 'contact_name=Ana Torres', 'contact_phone=612-555-0142'];
const render = (size: 'letter' | 'tabloid' | 'legal', languages = ['en']) =>
  renderNotice({ template: 'staff-sheet', languages, size, sets: BUSINESS });

/** Steps 1 to 7 as poppler reads them in content order (-raw): each once, in order. */
function stepOrder(pdf: Uint8Array): number[] {
  return [...poppler(pdf, ['-raw']).matchAll(/^([1-7])\. /gm)].map((match) => Number(match[1]));
}

describe.skipIf(!hasTool('pdftotext'))('the staff sheet in columns', () => {
  it.each([
    ['letter', 1],
    ['tabloid', 2],
    ['legal', 2],
  ] as const)('on %s sets the text under the strip in %i column(s) of 55 to 80 characters', async (size, columns) => {
    const rendered = await render(size);
    const lines = linesOf(rendered.pdf);
    const steps = lines.filter((line) => /^[4-7]\. /.test(line.text));
    const checks = lines.filter((line) => line.text.startsWith('• '));
    const starts = [...new Set([...steps, ...checks].map((line) => Math.round(line.x / 10)))];
    // Numbers and bullets of the running text start at one left edge per column.
    expect(starts).toHaveLength(columns);
    // The running text's lines that fill their measure (45 characters or more: not a heading or a paragraph's short last line).
    const body = lines.filter((line) => [...line.text].length >= 45 && !/^[1-3]\. |Designated|Phone|staff-sheet|https/.test(line.text));
    expect(body.length).toBeGreaterThan(10);
    const lengths = body.map((line) => [...line.text].length).sort((a, b) => a - b);
    // No line of the sheet (the full-width strip included) runs past 80 characters; the version line and the link aside.
    const longest = Math.max(...lines.filter((line) => !/staff-sheet ·|https:/.test(line.text)).map((line) => [...line.text].length));
    expect(longest).toBeLessThanOrEqual(80);
    // The middle of the full lines sits in the measure (a column's short lines aside).
    expect(lengths[Math.floor(lengths.length / 2)]).toBeGreaterThanOrEqual(55);
    expect(stepOrder(rendered.pdf)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it.each(['tabloid', 'legal'] as const)(
    'on %s, with four languages, numbers every page, names the business on it and prints each step once in order',
    async (size) => {
      const rendered = await render(size, ['en', 'my', 'ur', 'es']);
      const pages = poppler(rendered.pdf, ['-raw']).split('\f').slice(0, -1);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, i) => {
        expect(page).toContain('Cedar-Riverside Market');
        expect(page).toContain(`${i + 1}/${pages.length}`);
      });
      // The English and Spanish steps (Latin digits), once each and in order.
      const english = poppler(rendered.pdf, ['-raw']);
      expect(english.match(/^4\. You may say/gm)).toHaveLength(1);
      expect(english.indexOf('7. Write down')).toBeGreaterThan(english.indexOf('4. You may say'));
      expect(english.indexOf('4. Puede decir')).toBeGreaterThan(english.indexOf('7. Write down'));
      // Fewer pages than one column at tabloid's old size took (9 for this set before columns).
      expect(pages.length).toBeLessThanOrEqual(6);
    },
  );
});
