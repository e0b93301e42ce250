import type { Block } from '../parse/notice-tree.js';
import type { FontLibrary } from '../fonts/font-set.js';
import type { Floors } from './key-line.js';
import type { LayoutCaches } from './layout-caches.js';
import type { Direction } from '../text/shape.js';
import type { Color } from './items.js';
import type { HeadingFit, Laid } from './laid.js';
import type { PageTheme } from './theme.js';

export interface LayoutContext {
  readonly width: number;
  /** Body text scale chosen by auto-fit (1 = the theme's size for this paper). */
  readonly scale: number;
  readonly lang: string;
  readonly dir: Direction;
  readonly color: Color;
  readonly fonts: FontLibrary;
  readonly theme: PageTheme;
  /** Inside a language section: its headings share one size per level with the page's other sections. */
  readonly inSection: boolean;
  readonly headings: HeadingSizes;
  /** Lays out one block (blocks.ts): passed down so that flow.ts, columns and QR blocks need not import it back. */
  readonly layoutBlock: (block: Block, ctx: LayoutContext) => Laid;
  /** Least sizes in points of the key line and the title on this page (0: none), from the theme's key_line. */
  readonly floors: Floors;
  /** The session's caches; none in tests that lay out one block. */
  readonly caches?: LayoutCaches;
  /**
   * A lower bound on height, not a layout (auto-fit.ts leastHeight): text
   * holding business data counts as one line of its size (a list of it as
   * nothing), and nothing is drawn of it. Everything else is laid out as usual.
   */
  readonly least?: boolean;
}

/**
 * One type scale per page: the first pass over a page notes, per heading
 * level, the size at which each language's heading fits on one line (if a
 * modest shrink gets there) and the size at which it fits at all; the
 * second pass lays every heading of that level out at one shared size
 * (see sharedHeadingSizes), so that no title wraps in one language but not
 * in another when a size exists at which all take one line.
 */
export interface HeadingSizes {
  readonly fixed?: ReadonlyMap<string, number>;
  readonly found: Map<string, HeadingFit[]>;
  /** Set when a heading at its level's floor still takes more than two lines or splits a word: auto-fit takes a smaller scale. */
  readonly strained: { value: boolean };
}

export { EMPTY } from './laid.js';
export type { HeadingFit, Laid, TextRecord } from './laid.js';
