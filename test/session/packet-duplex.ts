import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BUILTIN_LOCALES } from '../../src/paths.js';
import { readOutline, type Bookmark } from '../helpers/pdf-outline.js';
import { readPdf, type PdfPageFacts } from '../helpers/pdf-reader.js';

/** The wallet cards' heading in one language, read from the locale file (what a reader sees on the sheet). */
export function cardTitle(code: string): string {
  return (JSON.parse(readFileSync(join(BUILTIN_LOCALES, code, 'rights-cards.json'), 'utf8')) as { title: string }).title;
}

export function flatten(bookmarks: readonly Bookmark[]): Bookmark[] {
  return bookmarks.flatMap((bookmark) => [bookmark, ...flatten(bookmark.children)]);
}

/**
 * Checks `pages` (a whole file, or one business's run of it) the way a
 * duplex print run would take them: each language beside English gets a
 * card sheet pair whose front, in English, is on an odd page of the file
 * and whose back, in that language, is the very next page; a blank page
 * stands only before such a front. With English alone, one sheet.
 */
export function expectCardPairs(pages: readonly PdfPageFacts[], languages: readonly string[], from = 0, to = pages.length): void {
  const english = cardTitle('en');
  const fronts: number[] = [];
  for (let index = from; index < to; index++) if (pages[index]!.text.includes(english)) fronts.push(index);
  const backs = languages.filter((code) => code !== 'en');
  expect(fronts, `card fronts in English among pages ${from + 1}–${to}`).toHaveLength(Math.max(1, backs.length));
  backs.forEach((code, at) => {
    const front = fronts[at]!;
    expect((front + 1) % 2, `the ${code} pair's front is page ${front + 1}`).toBe(1);
    expect(pages[front + 1]!.text, `page ${front + 2} is the back of page ${front + 1}`).toContain(cardTitle(code));
  });
  for (let index = from; index < to; index++) {
    if (pages[index]!.text.trim()) continue;
    expect(pages[index + 1]?.text, `blank page ${index + 1} stands before a card front`).toContain(english);
    expect(index % 2, `blank page ${index + 1} is an even page`).toBe(1);
  }
}

/** One paper size for every page of a file. */
export function expectOneSize(pages: readonly PdfPageFacts[]): void {
  expect(new Set(pages.map((page) => `${Math.round(page.width)}x${Math.round(page.height)}`)).size).toBe(1);
}

export async function readFacts(pdf: Uint8Array) {
  return { facts: await readPdf(pdf), outline: await readOutline(pdf) };
}
