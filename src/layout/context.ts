import type { Block } from '../parse/notice-tree.js';
import type { FontLibrary } from '../fonts/font-set.js';
import type { Direction } from '../text/shape.js';
import type { Color, LaidNode } from './items.js';
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
}

/**
 * One type scale per page: the first pass over a page notes, per heading
 * level, the largest size at which every language's heading fits; the
 * second pass lays every heading of that level out at that size.
 */
export interface HeadingSizes {
  readonly fixed?: ReadonlyMap<string, number>;
  readonly found: Map<string, number>;
}

/** A text block's size, kept so that a page that cannot fit can say which text is to blame. */
export interface TextRecord {
  readonly lang: string;
  readonly fields: readonly string[];
  readonly sample: string;
  readonly height: number;
  /** Inside a language section (translated text), not the template's own frame. */
  readonly inSection: boolean;
}

/** A block laid out at (0, 0). */
export interface Laid {
  readonly height: number;
  readonly nodes: readonly LaidNode[];
  readonly texts: readonly TextRecord[];
  /** Share of spare page height this block takes (spacers only). */
  readonly grow?: number;
  /** The first baseline, from the block's top (text blocks only): rows of columns line these up. */
  readonly baseline?: number;
}

export const EMPTY: Laid = { height: 0, nodes: [], texts: [] };
