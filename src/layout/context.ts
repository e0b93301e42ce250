import type { FontLibrary } from '../text/font-chain.js';
import type { Direction } from '../text/shape.js';
import type { Color, LaidNode } from './items.js';

export interface LayoutContext {
  readonly width: number;
  /** Body text scale chosen by auto-fit (1 = full size). */
  readonly scale: number;
  readonly lang: string;
  readonly dir: Direction;
  readonly color: Color;
  readonly fonts: FontLibrary;
}

/** A text block's size, kept so that a page that cannot fit can say which text is to blame. */
export interface TextRecord {
  readonly lang: string;
  readonly fields: readonly string[];
  readonly sample: string;
  readonly height: number;
}

/** A block laid out at (0, 0). */
export interface Laid {
  readonly height: number;
  readonly nodes: readonly LaidNode[];
  readonly texts: readonly TextRecord[];
  /** Share of spare page height this block takes (spacers only). */
  readonly grow?: number;
}

export const EMPTY: Laid = { height: 0, nodes: [], texts: [] };
