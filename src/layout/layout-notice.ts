import type { Block, NoticePage, NoticeTree, Spacer } from '../parse/notice-tree.js';
import type { FontLibrary } from '../fonts/font-set.js';
import { attemptAt, fitGrid, fitOnGrid, leastHeight, strainedAt, type Attempt } from './auto-fit.js';
import { isNameBand } from './blocks.js';
import { holdsWrappingColumns } from './columns.js';
import { stack } from './flow.js';
import { layoutCaches, type LayoutCaches } from './layout-caches.js';
import { assertFinite } from './finite.js';
import { flowBlocks } from './flow-pages.js';
import { placeNodes, type LaidPage } from './items.js';
import {
  floorsFor,
  FloorsNotKept,
  hasKeyLine,
  languagesOn,
  NO_FLOORS,
  relaxFloors,
  shortfallOf,
  type Floors,
  type KeyLineShortfall,
} from './key-line.js';
import { numberPages } from './page-number.js';
import { overflowError } from './overflow.js';
import { PAGE_SIZE_NAMES, PAGE_SIZES, type PageSizeName } from '../contract/page-sizes.js';
import { DEFAULT_THEME, pageTheme, textSize, type PageTheme, type Theme } from './theme.js';

export interface LayoutOptions {
  readonly size: PageSizeName;
  readonly fonts: FontLibrary;
  /** The template's theme; the default theme when not given. */
  readonly theme?: Theme;
  /** Pages of this size instead of the paper's (a card, which imposition then puts on the paper); the theme is still the paper's. */
  readonly page?: { readonly width: number; readonly height: number };
  /** Told of each page whose key line or title could not keep the theme's least size (it still renders). */
  readonly onShortfall?: (shortfall: KeyLineShortfall) => void;
  /**
   * At the first page that cannot keep its required (not soft) floors, report
   * the shortfall without laying the page out smaller (no printed size) and
   * throw FloorsNotKept: the caller lays the notice out another way (the
   * pipeline: one language per page), so a smaller page would be thrown away.
   */
  readonly stopAtShortfall?: boolean;
  /** The session's caches (layout-caches.ts); without them nothing is kept between calls. */
  readonly caches?: LayoutCaches;
}

/**
 * Lays out every page. Each page is fitted on its own: text takes the
 * largest scale, up to the theme's max_scale, at which the page's content
 * fits, body text never goes below the paper's min_body, and spare height
 * goes to the flexible spacers.
 */
export function layoutNotice(tree: NoticeTree, given: LayoutOptions): LaidPage[] {
  // Without the session's caches, the notice's own: its fit attempts still share their text.
  const options = given.caches ? given : { ...given, caches: layoutCaches() };
  const theme = options.theme ?? DEFAULT_THEME;
  // A flowing page that cannot keep its floors may still flow onto more pages (below): it never stops.
  const first = tree.pages.map((page, index) =>
    fitWithFloors(page.children, tree.lang, page.flow ? { ...options, stopAtShortfall: false } : options, theme, index + 1),
  );
  const band = bandSize(tree, first);
  const pages = tree.pages.flatMap((page, index): LaidPage[] => {
    const once = first[index];
    // One name band size across a set of pages (--arrange pages): a page whose band came out larger is fitted again.
    const refit = band !== undefined && once && !page.flow && bandOf(once) > band + 1e-6;
    const fitted = refit
      ? fitWithFloors(page.children, tree.lang, { ...options, onShortfall: undefined, stopAtShortfall: false }, theme, index + 1, band)
      : once;
    if (page.flow && !(fitted && fitted.attempt.scale >= FLOW_BELOW)) {
      const flowed = flowPage(page, tree.lang, options, theme);
      if (flowed) return flowed;
    }
    if (!fitted) {
      // A card keeps its size on every paper: a larger paper is no way out.
      const fitsOn = options.page
        ? undefined
        : largerSizes(options.size).find((size) => fitsAtAll(page.children, tree.lang, size, options, theme, NO_FLOORS));
      const floorAttempt = attemptAt(
        page.children,
        tree.lang,
        options.page ?? PAGE_SIZES[options.size],
        themeOf(options, theme, options.size),
        options.fonts,
        0,
        NO_FLOORS,
        options.caches,
      );
      throw overflowError(floorAttempt.natural.texts, {
        size: options.size,
        page: index + 1,
        minBody: themeOf(options, theme, options.size).minBody,
        fitsOn,
        ...(options.page ? { card: options.page } : {}),
      });
    }
    const { attempt, paper, page: laidTheme } = fitted;
    const available = paper.height - 2 * laidTheme.margin;
    const placed = stack(attempt.laid, attempt.gaps, available - attempt.natural.height);
    return [{ ...paper, nodes: placeNodes(placed.nodes, laidTheme.margin, laidTheme.margin) }];
  });
  assertFinite(pages);
  return pages;
}

/**
 * A page fitted with its key line and title at the theme's least sizes for
 * its number of languages; when it cannot fit so, the floors give way
 * (relaxFloors), and the shortfall is reported with the first larger paper
 * that keeps them. With stopAtShortfall, required floors do not give way:
 * the shortfall is reported and FloorsNotKept thrown.
 */
function fitWithFloors(blocks: Blocks, lang: string, options: LayoutOptions, theme: Theme, pageNumber: number, band?: number) {
  const page = themeOf(options, theme, options.size);
  const languages = languagesOn(blocks);
  const keyLine = hasKeyLine(blocks);
  const keyed = options.page ? NO_FLOORS : floorsFor(page, languages, keyLine);
  const floors = band === undefined ? keyed : { ...keyed, band };
  const fitted = fitPage(blocks, lang, options.size, options, theme, floors, options.page);
  if (fitted || (floors.key === 0 && floors.title === 0)) return fitted;
  // The first larger paper on which the key line keeps the size asked here (what "--size X meets it" says); with
  // `own`, the first that keeps its own floors, on which these languages would print on one page (what "--size X
  // keeps them on one page" says: tabloid asks more of a key line than Letter does).
  const fitsOnLarger = (own = false) =>
    largerSizes(options.size).find((size) => {
      const asked = own ? floorsFor(themeOf(options, theme, size), languages, keyLine) : keyed;
      return fitsAtAll(blocks, lang, size, options, theme, band === undefined ? asked : { ...asked, band });
    });
  if (options.stopAtShortfall && !floors.soft) {
    options.onShortfall?.(shortfallOf(floors, undefined, { page: pageNumber, size: options.size, languages, fitsOn: fitsOnLarger(true) }));
    throw new FloorsNotKept();
  }
  const paper = options.page ?? PAGE_SIZES[options.size];
  const hintAt = `${pageKind(blocks, lang, paper)} ${floorsKey(floors)}`;
  const relaxedFit = relaxFloors(
    floors,
    (tried) => fitPage(blocks, lang, options.size, options, theme, tried, options.page),
    options.caches?.floorHints.get(hintAt),
  );
  if (relaxedFit?.hint) options.caches?.floorHints.set(hintAt, relaxedFit.hint, false);
  if (!relaxedFit) return undefined;
  const { tried, done } = relaxedFit;
  const printed = { key: Math.max(tried.key, textSize(done.page, 'key', done.attempt.scale)), title: tried.title };
  if (printed.key < floors.key - 1e-6 || printed.title < floors.title - 1e-6) {
    options.onShortfall?.(shortfallOf(floors, printed, { page: pageNumber, size: options.size, languages, fitsOn: fitsOnLarger() }));
  }
  return done;
}

type Fitted = NonNullable<ReturnType<typeof fitPage>>;

/** The name band's size on a fitted page (large type at its scale, or the size it was given). */
function bandOf(fitted: Fitted): number {
  return fitted.attempt.band ?? textSize(fitted.page, 'large', fitted.attempt.scale);
}

/** The one name band size for a notice of several whole-sign pages that carry a name band: the smallest any page took. */
function bandSize(tree: NoticeTree, fitted: readonly (Fitted | undefined)[]): number | undefined {
  const banded = tree.pages.flatMap((page, i) => (!page.flow && fitted[i] && page.children.some(isNameBand) ? [fitted[i]] : []));
  if (banded.length < 2) return undefined;
  return Math.min(...banded.map(bandOf));
}

/** A flowing page goes onto more pages rather than shrink its text below this scale. */
const FLOW_BELOW = 0.85;

/**
 * A flowing page's content on as many pages as it needs, at the design's
 * text size (scale 1, or the paper's floor), breaking only between blocks
 * (see flowBlocks); undefined when one block alone is taller than a page.
 */
function flowPage(notice: NoticePage, lang: string, options: LayoutOptions, theme: Theme): LaidPage[] | undefined {
  const page = themeOf(options, theme, options.size);
  const paper = options.page ?? PAGE_SIZES[options.size];
  const available = paper.height - 2 * page.margin;
  const head = notice.children.slice(0, notice.head ?? 0);
  const foot = notice.children.slice(notice.children.length - (notice.foot ?? 0));
  const body = notice.children.slice(head.length, notice.children.length - foot.length);
  // Every page carries the header and the footer, the footer at the bottom of the page.
  const whole = (part: Blocks): Blocks => (foot.length > 0 ? [...head, ...part, BOTTOM, ...foot] : [...head, ...part]);
  const at = (part: Blocks, number = 1, count = 1) =>
    attemptAt(numberPages(whole(part), number, count), lang, paper, page, options.fonts, 1, NO_FLOORS, options.caches);
  const parts = flowBlocks(body, (part) => at(part).natural.height, available);
  return parts?.map((part, index) => {
    const attempt = at(part, index + 1, parts.length);
    const placed = stack(attempt.laid, attempt.gaps, Math.max(0, available - attempt.natural.height));
    return { ...paper, nodes: placeNodes(placed.nodes, page.margin, page.margin) };
  });
}

const BOTTOM: Spacer = { kind: 'spacer', size: 0, grow: 1 };

type Blocks = NoticeTree['pages'][number]['children'];

/**
 * The page at the largest step of the fit grid that fits (auto-fit.ts), or
 * undefined when it does not fit even at the paper's smallest body size.
 * The search starts where the session's last page of the same kind ended.
 * With `anyFit`, any step that fits will do (fitsAtAll).
 */
function fitPage(
  blocks: Blocks,
  lang: string,
  size: PageSizeName,
  { fonts, caches }: Pick<LayoutOptions, 'fonts' | 'caches'>,
  theme: Theme,
  floors: Floors,
  card?: { width: number; height: number },
  anyFit = false,
): { attempt: Attempt; paper: { width: number; height: number }; page: PageTheme } | undefined {
  const page = themeOf({ caches }, theme, size);
  const paper = card ?? PAGE_SIZES[size];
  const available = paper.height - 2 * page.margin;
  const kind = pageKind(blocks, lang, paper);
  const key = `${kind} ${floorsKey(floors)}`;
  const grid = gridOf(page, caches);
  const found = fitOnGrid(
    (scale) => attemptAt(blocks, lang, paper, page, fonts, scale, floors, caches),
    grid,
    available,
    // A page of a kind met before with other floors (a floor giving way, a first row) starts where that one ended.
    caches?.fitHints.get(key) ?? caches?.fitHints.get(kind),
    {
      least: (scale) => leastHeight(blocks, lang, paper, page, fonts, scale, floors, caches),
      strained: (scale) => strainedAt(blocks, lang, paper, page, fonts, scale, floors, caches),
      anyFit,
      // Wrapping columns: a page may be lower at a larger scale above 1, so the answer there must not depend on the hint.
      steadyToScale1: holdsWrappingColumns(blocks),
    },
  );
  // A page that fits nowhere on the grid: the next one of its kind starts at the floor, where one attempt says so again.
  caches?.fitHints.set(key, found ? found.step : grid.length - 1, false);
  if (found) caches?.fitHints.set(kind, found.step, false);
  return found ? { attempt: found.attempt, paper, page } : undefined;
}

/** The fit grid of a page theme: the session's, made once. */
function gridOf(page: PageTheme, caches: LayoutCaches | undefined): readonly number[] {
  let grid = caches?.grids.get(page);
  if (!grid) {
    grid = fitGrid(page);
    caches?.grids.set(page, grid);
  }
  return grid;
}

/**
 * Whether the page fits the paper at all: the same answer as fitPage, from
 * the first step found to fit (a page that fits at one step fits at every
 * smaller one), so usually from the hinted step alone.
 */
function fitsAtAll(blocks: Blocks, lang: string, size: PageSizeName, options: LayoutOptions, theme: Theme, floors: Floors): boolean {
  return fitPage(blocks, lang, size, options, theme, floors, undefined, true) !== undefined;
}

/** A page's kind for the fit hint: its languages, blocks and paper (not its business data). */
function pageKind(blocks: Blocks, lang: string, paper: { width: number; height: number }): string {
  const kinds = (list: readonly Block[]): string =>
    list
      .map((block) =>
        block.kind === 'section'
          ? `${block.lang}(${kinds(block.children)})`
          : block.kind === 'box'
            ? `box(${kinds(block.children)})`
            : block.kind === 'columns'
              ? `cols(${block.columns.map((column) => kinds(column.children)).join('|')})`
              : block.kind[0]!,
      )
      .join('');
  return `${lang} ${paper.width}x${paper.height} ${kinds(blocks)}`;
}

/** The floors a page is fitted with, for the fit hint's key (with pageKind). */
function floorsKey(floors: Floors): string {
  return `${floors.key},${floors.title},${floors.band ?? ''}`;
}

/** The page theme for a paper: the session's one, so that blocks laid out with it are found again. */
function themeOf({ caches }: Pick<LayoutOptions, 'caches'>, theme: Theme, size: PageSizeName): PageTheme {
  return caches ? caches.pageTheme(theme, size) : pageTheme(theme, size);
}

/** Paper sizes larger than `size`, smallest first: where a page that does not fit might. */
function largerSizes(size: PageSizeName): PageSizeName[] {
  const area = (name: PageSizeName) => PAGE_SIZES[name].width * PAGE_SIZES[name].height;
  // Larger both ways: A4 has more area than Letter but is narrower, and its key-line target is scaled down with it,
  // so "use A4" would meet a smaller target, not the one Letter missed.
  const { width, height } = PAGE_SIZES[size];
  return PAGE_SIZE_NAMES.filter(
    (name) => area(name) > area(size) && PAGE_SIZES[name].width >= width && PAGE_SIZES[name].height >= height,
  ).sort((a, b) => area(a) - area(b));
}
