import type { TextSize, Tone } from '../parse/notice-tree.js';
import type { Color } from './items.js';

/** Type sizes in points at scale 1; auto-fit scales the body and caps the headings. */
export const TYPE = {
  h1: 48,
  h2: 28,
  large: 20,
  normal: 15,
  small: 10,
} as const satisfies Record<'h1' | 'h2' | TextSize, number>;

/** Auto-fit grows text up to this scale when a page has room (one language on a big page). */
export const MAX_SCALE = 1.5;

/** Body text never shrinks below this many points. */
export const MIN_BODY = 9;
/** Small print never shrinks below this many points. */
export const MIN_SMALL = 7;

export const LEADING = { heading: 1.15, body: 1.3 } as const;

export function textSize(size: TextSize, scale: number): number {
  const scaled = TYPE[size] * scale;
  return Math.max(scaled, size === 'small' ? MIN_SMALL : MIN_BODY);
}

/** Space after a block, in points at scale 1. */
export const GAP = { heading: 10, paragraph: 8, item: 2, rule: 12, box: 14, columns: 24 } as const;

export const MARGIN = 36;

export interface ToneStyle {
  readonly fill?: Color;
  readonly stroke?: Color;
  readonly text: Color;
  readonly padding: number;
}

export const TONES: Record<Tone, ToneStyle> = {
  plain: { text: '#000000', padding: 0 },
  dark: { fill: '#111111', text: '#ffffff', padding: 14 },
  light: { fill: '#eeeeee', text: '#000000', padding: 12 },
  outline: { stroke: '#000000', text: '#000000', padding: 12 },
};

export const RULE = { color: '#000000', width: 1.5 } as const;
