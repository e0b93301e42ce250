import type { LaidNode } from './items.js';

// What laying out a block gives (context.ts re-exports it): apart from the
// context, so that the session's memo of laid blocks (block-memos.ts) needs
// no context, which names the session's caches.

export interface HeadingFit {
  /** The largest size at which it takes one line, if any at or above the one-line floor. */
  readonly oneLine?: number;
  /** The size it takes when it cannot stay on one line. */
  readonly fits: number;
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
