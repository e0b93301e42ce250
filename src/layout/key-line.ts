import type { Block } from '../parse/notice-tree.js';
import type { PageSizeName } from '../contract/page-sizes.js';
import { sizeForCap, type PageTheme } from './theme.js';

/** Least sizes in points of a page's key line and title (0: none). */
export interface Floors {
  readonly key: number;
  readonly title: number;
  /** The name band's one size across a set of pages (not a floor: the size it takes), when set. */
  readonly band?: number;
  /**
   * Aimed at, not required: more languages on the page than the theme lists
   * sizes for aim at the last one listed (the two-language size). The rest
   * gives way first; below it, a warning names the paper or arrangement that
   * meets it, but the page keeps its arrangement.
   */
  readonly soft?: boolean;
}

export const NO_FLOORS: Floors = { key: 0, title: 0 };

/**
 * A page whose key line or title could not keep the theme's least cap
 * height: what it asked, what it got, and the first larger paper on which
 * it would (if any). Layout reports it; the pipeline decides what to do
 * (one language per page when the arrangement was left open) and warns.
 */
export interface KeyLineShortfall {
  /** 1-based page of the notice. */
  readonly page: number;
  readonly size: PageSizeName;
  readonly languages: number;
  /** Cap heights in mm: asked and printed (none printed: the page was not laid out smaller, LayoutOptions.stopAtShortfall). */
  readonly keyCapMm: { readonly asked: number; readonly printed?: number };
  readonly titleCapMm: { readonly asked: number; readonly printed?: number };
  readonly fitsOn?: PageSizeName;
  /** The floors were aimed at, not required (Floors.soft): warn, and keep the arrangement. */
  readonly soft?: boolean;
}

/**
 * Thrown by layoutNotice with stopAtShortfall at the first page that cannot
 * keep its required floors, after reporting the shortfall: the caller lays
 * the notice out another way.
 */
export class FloorsNotKept extends Error {
  constructor() {
    super('a page cannot keep its key line and title sizes');
    this.name = 'FloorsNotKept';
  }
}

/** The page's language sections that carry a sign's text (a heading or a key line): QR captions do not count. */
export function languagesOn(blocks: readonly Block[]): number {
  const langs = new Set<string>();
  const visit = (list: readonly Block[], lang?: string): boolean => {
    let signText = false;
    for (const block of list) {
      if (block.kind === 'section') {
        if (visit(block.children, block.lang)) langs.add(block.lang);
      } else if (block.kind === 'box') {
        signText = visit(block.children, lang) || signText;
      } else if (block.kind === 'columns') {
        for (const column of block.columns) signText = visit(column.children, lang) || signText;
      } else if (block.kind === 'heading' || (block.kind === 'paragraph' && block.size === 'key')) {
        signText = true;
      }
    }
    return signText;
  };
  visit(blocks);
  return langs.size;
}

/** Whether the page declares a key line (`<p size="key">`). */
export function hasKeyLine(blocks: readonly Block[]): boolean {
  return blocks.some((block) => {
    if (block.kind === 'paragraph') return block.size === 'key';
    if (block.kind === 'section' || block.kind === 'box') return hasKeyLine(block.children);
    if (block.kind === 'columns') return block.columns.some((column) => hasKeyLine(column.children));
    return false;
  });
}

/**
 * The theme's floors for a page with `languages` language sections; none on
 * a page with no key line. Past the theme's list (three or four languages on
 * a page), the key line aims at the last size listed, softly, and the title
 * has no floor.
 */
export function floorsFor(theme: PageTheme, languages: number, keyed: boolean): Floors {
  if (!keyed || languages < 1) return NO_FLOORS;
  const listed = languages <= theme.keyCapMm.length;
  const key = listed ? theme.keyCapMm[languages - 1]! : (theme.keyCapMm.at(-1) ?? 0);
  const title = theme.titleCapMm[languages - 1] ?? 0;
  const floors = { key: key > 0 ? sizeForCap(key) : 0, title: title > 0 && listed ? sizeForCap(title) : 0 };
  return listed || floors.key === 0 ? floors : { ...floors, soft: true };
}

/**
 * Floors scaled down by `factor`: what a page that cannot keep them tries
 * next. The title gives way first (by the factor squared: at 0.8 the key line
 * keeps 80%, the title 64%), the key line after it.
 */
export function relaxed(floors: Floors, factor: number): Floors {
  return { ...floors, key: floors.key * factor, title: floors.title * factor * factor };
}

/** Floors give way down to this share of themselves; below it, the page is laid out as if it had none. */
const LEAST_SHARE = 0.6;
/** The share is found to within this. */
const SHARE_PRECISION = 0.05;

/**
 * Where the last relaxFloors of a page of the same kind ended: the share it
 * kept and the least share it found too large (exactly as the bisection
 * computed them).
 */
export interface RelaxHint {
  readonly share: number;
  readonly tooLarge: number;
}

/**
 * A page that cannot keep its floors, fitted with the largest share of them
 * it can keep (bisection between LEAST_SHARE and 1, to SHARE_PRECISION: four
 * fits), or with none when it cannot keep even LEAST_SHARE; undefined when
 * it does not fit at all. `fit` lays the page out with the given floors; the
 * caller has found that the whole floors (share 1) do not fit.
 *
 * With `hint` (the last such page's answer), the page is tried at the hinted
 * share and at the share found too large: when the first fits and the second
 * does not, every share the bisection would try answers as it did for that
 * page (a page that keeps a share keeps every smaller one), so the answer is
 * the hinted share, found with one or two fits. Otherwise the bisection runs.
 * The hint decides how many fits it takes, never the answer; `hint` in the
 * result is what the next page of the kind may start from.
 */
export function relaxFloors<T>(
  floors: Floors,
  fit: (tried: Floors) => T | undefined,
  hint?: RelaxHint,
): { tried: Floors; done: T; hint?: RelaxHint } | undefined {
  if (hint) {
    const tried = relaxed(floors, hint.share);
    const done = fit(tried);
    if (done !== undefined && (hint.tooLarge >= 1 || fit(relaxed(floors, hint.tooLarge)) === undefined)) return { tried, done, hint };
  }
  const none = (): { tried: Floors; done: T } | undefined => {
    const tried = relaxed(floors, 0);
    const done = fit(tried);
    return done === undefined ? undefined : { tried, done };
  };
  const least = relaxed(floors, LEAST_SHARE);
  const atLeast = fit(least);
  if (atLeast === undefined) return none();
  let best = { tried: least, done: atLeast, share: LEAST_SHARE };
  let tooLarge = 1;
  while (tooLarge - best.share > SHARE_PRECISION + 1e-9) {
    const share = (best.share + tooLarge) / 2;
    const tried = relaxed(floors, share);
    const done = fit(tried);
    if (done === undefined) tooLarge = share;
    else best = { tried, done, share };
  }
  return { tried: best.tried, done: best.done, hint: { share: best.share, tooLarge } };
}

const capOf = (points: number): number => Math.round(((points * 0.714 * 25.4) / 72) * 10) / 10;

/** A shortfall as cap heights in mm, for the warning. */
export function shortfallOf(
  asked: Floors,
  printed: Floors | undefined,
  facts: { page: number; size: PageSizeName; languages: number; fitsOn?: PageSizeName },
): KeyLineShortfall {
  const cap = (asks: number, prints: number | undefined) => ({
    asked: capOf(asks),
    ...(prints === undefined ? {} : { printed: capOf(prints) }),
  });
  return {
    ...facts,
    ...(asked.soft ? { soft: true } : {}),
    keyCapMm: cap(asked.key, printed?.key),
    titleCapMm: cap(asked.title, printed?.title),
  };
}

/** The warning for a shortfall: what was asked, what printed, and what would meet it. */
export function shortfallMessage(shortfall: KeyLineShortfall, outcome: { chosePages: boolean }): string {
  const { keyCapMm: key, titleCapMm: title } = shortfall;
  const parts = [
    ...(key.printed !== undefined && key.printed < key.asked
      ? [`key line ${key.printed} mm tall (capitals; ${key.asked} mm reads at the door)`]
      : []),
    ...(title.printed !== undefined && title.printed < title.asked ? [`title ${title.printed} mm (${title.asked} mm asked)`] : []),
  ];
  const what = parts.length > 0 ? parts.join(', ') : 'key line below its least size';
  const where =
    shortfall.languages === 1
      ? `one language on a ${shortfall.size} page`
      : `${shortfall.languages} languages on one ${shortfall.size} page`;
  const remedies = [
    ...(shortfall.languages > 1 && !outcome.chosePages ? ['--arrange pages (one language per page)'] : []),
    ...(shortfall.fitsOn ? [`--size ${shortfall.fitsOn}`] : []),
  ];
  const meets = remedies.length > 0 ? `; ${remedies.join(' or ')} meets it` : '; no larger paper meets it: shorten the text';
  const page = shortfall.page > 1 ? `page ${shortfall.page}: ` : '';
  return `${page}${where} ${shortfall.languages === 1 ? 'prints' : 'print'} the ${what}${meets}`;
}

/**
 * The warning for a notice put one language per page because its key line
 * would have been too small on one page: by how much, when that page was
 * laid out smaller (a soft floor); otherwise the size it could not keep.
 */
export function pagedMessage(shortfall: KeyLineShortfall): { message: string } {
  const { keyCapMm: key, titleCapMm: title } = shortfall;
  const larger = shortfall.fitsOn ? `; --size ${shortfall.fitsOn} keeps them on one page` : '';
  const where = `${shortfall.languages} languages on one ${shortfall.size} page`;
  const andTitle = title.asked > 0 ? ` and the title ${title.asked} mm` : '';
  const what =
    key.printed === undefined
      ? `${where} cannot keep the key line ${key.asked} mm tall${andTitle} (capitals; ${key.asked} mm reads at the door)`
      : `${where} would print the key line ${key.printed} mm tall (capitals; ${key.asked} mm reads at the door)`;
  return { message: `${what}, so each language has its own page (--arrange pages)${larger}` };
}
