import type { TextCaches } from '../text/paragraph.js';
import { textCaches } from '../text/text-caches.js';
import { TieredCache } from '../text/tiered-cache.js';
import { blockMemos, type BlockMemos } from './block-memos.js';
import type { RelaxHint } from './key-line.js';
import type { QrModules } from './qr-code.js';
import { pageTheme, type PageTheme, type Theme, type ThemeSizeName } from './theme.js';

/** QR codes kept per session: a batch may give every row its own link. */
const QR_LIMIT = 256;
/** Fit hints kept per session: one per kind of page, language set and paper met lately. */
const HINT_LIMIT = 256;

/**
 * What laying out keeps between the notices of one session (the session
 * makes it and drops it): text caches, QR codes, and the fit scale each
 * kind of page took last, where the next one's fit starts.
 */
export interface LayoutCaches {
  readonly text: TextCaches;
  readonly qr: TieredCache<QrModules>;
  /** The fit grid step a page last took, by page content kind, languages and paper (layout-notice.ts). */
  readonly fitHints: TieredCache<number>;
  /** The floor share a page that could not keep its floors last kept, by the same key (key-line.ts relaxFloors). */
  readonly floorHints: TieredCache<RelaxHint>;
  /** Blocks of the template's own text laid out, by content and context (block-memo.ts): pinned, like their paragraphs. */
  readonly blocks: BlockMemos;
  /** The theme for a paper, made once: laid blocks are kept by the page theme they were laid out with. */
  pageTheme(theme: Theme, paper: ThemeSizeName): PageTheme;
  /** Auto-fit's grid of scales for each page theme (auto-fit.ts fitGrid), made once (layout-notice.ts). */
  readonly grids: WeakMap<PageTheme, readonly number[]>;
  clear(): void;
}

/** New caches for one session; `limit` bounds each business-data tier of the text caches. */
export function layoutCaches(limit?: number): LayoutCaches {
  const text = textCaches(limit);
  const qr = new TieredCache<QrModules>(QR_LIMIT);
  const fitHints = new TieredCache<number>(HINT_LIMIT);
  const floorHints = new TieredCache<RelaxHint>(HINT_LIMIT);
  const blocks = blockMemos();
  const themes = new WeakMap<Theme, Map<ThemeSizeName, PageTheme>>();

  return {
    text,
    qr,
    fitHints,
    floorHints,
    blocks,
    pageTheme: (theme, paper) => {
      let byPaper = themes.get(theme);
      if (!byPaper) {
        byPaper = new Map();
        themes.set(theme, byPaper);
      }
      let page = byPaper.get(paper);
      if (!page) {
        page = pageTheme(theme, paper);
        byPaper.set(paper, page);
      }
      return page;
    },
    grids: new WeakMap(),
    clear: () => {
      text.clear();
      qr.clear();
      fitHints.clear();
      floorHints.clear();
      blocks.clear();
    },
  };
}
