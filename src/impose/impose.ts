import type { LaidPage } from '../layout/items.js';
import { mm, PAGE_SIZES, type PageSizeName } from '../contract/page-sizes.js';
import type { Arrangement } from '../contract/arrangements.js';
import { addBleed } from './bleed.js';
import { cardGrid, cardSheet, type Size } from './card-sheet.js';

/** The card a card template lays out (`card:` in template.yaml), in points; undefined for other templates. */
export function cardSize(manifest: { readonly card?: { readonly width_in: number; readonly height_in: number } }): Size | undefined {
  return manifest.card && { width: manifest.card.width_in * 72, height: manifest.card.height_in * 72 };
}

/** How laid pages go onto paper: cards N-up on sheets, and bleed with crop marks. */
export interface Imposition {
  /** The paper the notice prints on. */
  readonly sheet: PageSizeName;
  /** Set when the template lays out cards: each laid page is one card, repeated across a sheet. */
  readonly card?: Size;
  readonly arrange: Arrangement;
  /** Bleed in millimetres; adds crop marks, TrimBox and BleedBox. */
  readonly bleedMm?: number;
}

/**
 * The imposition stage, after layout and before drawing. Laid pages in,
 * laid pages out; nothing is changed in place. Card templates give one page
 * per card side: each becomes a sheet of copies with cut marks. With
 * `duplex`, the first page is the front and the second the back, whose
 * sheet is mirrored so that each back lands behind its front when the
 * sheets are printed double-sided and turned on the long edge.
 */
export function impose(pages: readonly LaidPage[], imposition: Imposition): LaidPage[] {
  if (imposition.card) return cardSheets(pages, imposition.card, imposition);
  return imposition.bleedMm === undefined ? [...pages] : pages.map((page) => addBleed(page, imposition.bleedMm!));
}

/**
 * With a bleed, each card is trimmed on its own: cards stand 2 × bleed
 * apart with cut marks at every card edge, and the sheet itself is the
 * finished size (TrimBox and BleedBox are the paper).
 */
function cardSheets(cards: readonly LaidPage[], card: Size, imposition: Imposition): LaidPage[] {
  const bleed = imposition.bleedMm === undefined ? undefined : mm(imposition.bleedMm);
  const grid = cardGrid(PAGE_SIZES[imposition.sheet], card, 2 * (bleed ?? 0));
  // officer: each language's card with the English officer-facing side behind it, pair after pair.
  const duplex = imposition.arrange === 'duplex' || imposition.arrange === 'officer';
  // In duplex, odd pages are backs: mirrored, and cut from the front, so without marks of their own.
  // A front with a back after it is marked, so a file of several pieces can start it on a new sheet (duplex-pages.ts).
  return cards.map((page, index) => {
    const back = duplex && index % 2 === 1;
    const laid = cardSheet(page, grid, { mirror: back, cutMarks: !back, ...(bleed ? { bleed } : {}) });
    const paper = { x: 0, y: 0, width: laid.width, height: laid.height };
    const sheet = bleed === undefined ? laid : { ...laid, boxes: { trim: paper, bleed: paper } };
    if (back) return { ...sheet, side: 'back' as const };
    return duplex && index + 1 < cards.length ? { ...sheet, side: 'front' as const } : sheet;
  });
}
