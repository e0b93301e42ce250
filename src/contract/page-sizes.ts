/** Paper sizes in points (1/72 inch). */
export const PAGE_SIZES = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
  legal: { width: 612, height: 1008 },
  tabloid: { width: 792, height: 1224 },
  /** 5.5 × 8.5 in. */
  'half-letter': { width: 396, height: 612 },
  /** A 4 × 4 in window sticker. */
  decal: { width: 288, height: 288 },
} as const;

export type PageSizeName = keyof typeof PAGE_SIZES;

export const PAGE_SIZE_NAMES = Object.keys(PAGE_SIZES) as PageSizeName[];

export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;
