import type { LaidPage } from '../layout/items.js';

/**
 * A page with nothing on it, the size of the page it stands before, so that
 * the sheet of paper it takes matches the next one.
 */
export function blankPage(like: Pick<LaidPage, 'width' | 'height' | 'boxes'>): LaidPage {
  return { width: like.width, height: like.height, nodes: [], ...(like.boxes ? { boxes: like.boxes } : {}) };
}

/**
 * Pages for a file printed double-sided: a blank page goes before every
 * duplex front (a card sheet whose back follows it) that would otherwise
 * land on an even page, so the front starts a sheet of paper and its back
 * prints behind it, not behind the page before. `before` is how many pages
 * the file already holds (a combined file adds notice after notice).
 */
export function padForDuplex(pages: readonly LaidPage[], before = 0): LaidPage[] {
  const padded: LaidPage[] = [];
  for (const page of pages) {
    if (page.side === 'front' && (before + padded.length) % 2 === 1) padded.push(blankPage(page));
    padded.push(page);
  }
  return padded;
}
