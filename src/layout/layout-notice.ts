import { InputError } from '../errors.js';
import type { NoticeTree } from '../parse/notice-tree.js';
import type { FontLibrary } from '../text/font-chain.js';
import { flowParts, stack } from './blocks.js';
import type { Laid, TextRecord } from './context.js';
import { placeNodes, type LaidPage } from './items.js';
import { PAGE_SIZE_NAMES, PAGE_SIZES, type PageSizeName } from './page-sizes.js';
import { MARGIN, MAX_SCALE, MIN_BODY, TYPE } from './styles.js';

export interface LayoutOptions {
  readonly size: PageSizeName;
  readonly fonts: FontLibrary;
}

/** Each step of auto-fit shrinks text at least by this factor. */
const SHRINK = 0.94;
/** Auto-fit stops refining once the largest fitting scale is known this closely. */
const PRECISION = 0.05;

/**
 * Lays out every page. Each page is fitted on its own: text takes the
 * largest scale, up to MAX_SCALE, at which the page's content fits, and body
 * text never goes below MIN_BODY; spare height goes to the flexible spacers.
 */
export function layoutNotice(tree: NoticeTree, options: LayoutOptions): LaidPage[] {
  const paper = PAGE_SIZES[options.size];
  const width = paper.width - 2 * MARGIN;
  const available = paper.height - 2 * MARGIN;
  return tree.pages.map((page) => {
    const attempt = (scale: number): Attempt => {
      const ctx = { width, scale, lang: tree.lang, dir: 'ltr', color: '#000000', fonts: options.fonts } as const;
      const { laid, gaps } = flowParts(page.children, ctx);
      return { scale, laid, gaps, natural: stack(laid, gaps, 0) };
    };
    const fitted = fit(attempt, available, options.size);
    const placed = stack(fitted.laid, fitted.gaps, available - fitted.natural.height);
    return { ...paper, nodes: placeNodes(placed.nodes, MARGIN, MARGIN) };
  });
}

interface Attempt {
  readonly scale: number;
  readonly laid: Laid[];
  readonly gaps: number[];
  readonly natural: Laid;
}

/**
 * Finds (to within PRECISION) the largest scale up to MAX_SCALE at which the
 * page fits. The page's height is modelled as a + b·scale² (text grows with
 * the square of its size; rules, spacers and the QR code do not grow):
 * through one attempt with a = 0, through the last two otherwise. Each new
 * attempt aims just under the model's answer, inside the bounds found so far.
 */
function fit(attempt: (scale: number) => Attempt, available: number, size: PageSizeName): Attempt {
  const floor = MIN_BODY / TYPE.normal;
  const tried: Attempt[] = [attempt(1)];
  let best: Attempt | undefined;
  let tooBig = MAX_SCALE * (1 + PRECISION);
  for (;;) {
    const last = tried.at(-1)!;
    if (last.natural.height <= available) {
      if (!best || last.scale > best.scale) best = last;
    } else {
      tooBig = Math.min(tooBig, last.scale);
      if (!best && last.scale <= floor) throw overflow(last.natural.texts, size);
    }
    if (best && (best.scale >= MAX_SCALE || tooBig / best.scale - 1 <= PRECISION)) return best;
    const lower = best ? best.scale * (1 + PRECISION / 2) : floor;
    const upper = Math.min(MAX_SCALE, tooBig / (1 + PRECISION / 2));
    const aim = Math.min(Math.max(modelScale(tried, available) * 0.99, lower), upper);
    tried.push(attempt(best ? aim : Math.max(floor, Math.min(aim, last.scale * SHRINK))));
  }
}

/** The scale at which the page would be exactly `available` high, by the a + b·scale² model. */
function modelScale(tried: readonly Attempt[], available: number): number {
  const last = tried.at(-1)!;
  const previous = tried.at(-2);
  if (previous && previous.scale !== last.scale) {
    const b = (last.natural.height - previous.natural.height) / (last.scale ** 2 - previous.scale ** 2);
    const a = last.natural.height - b * last.scale ** 2;
    if (b > 0 && available > a) return Math.sqrt((available - a) / b);
  }
  return last.scale * Math.sqrt(available / last.natural.height);
}

/**
 * Why a page cannot fit, in terms the user can act on: the business field
 * that takes the most room, or, when the fixed text of many languages is
 * what fills the page, the languages.
 */
function overflow(texts: readonly TextRecord[], size: PageSizeName): InputError {
  const total = texts.reduce((sum, text) => sum + text.height, 0);
  const byField = new Map<string, { field: string; lang: string; height: number }>();
  for (const text of texts) {
    for (const field of new Set(text.fields)) {
      const key = `${field}\u0000${text.lang}`;
      const entry = byField.get(key) ?? { field, lang: text.lang, height: 0 };
      byField.set(key, { ...entry, height: entry.height + text.height });
    }
  }
  const fielded = [...byField.values()].reduce((sum, entry) => sum + entry.height, 0);
  const largest = [...byField.values()].sort((a, b) => b.height - a.height)[0];
  const larger = PAGE_SIZE_NAMES.slice(PAGE_SIZE_NAMES.indexOf(size) + 1);
  const biggerPage = larger.length > 0 ? `, or a larger page (${larger.map((name) => `--size ${name}`).join(' or ')})` : '';
  const start = `the notice does not fit on one ${size} page even with body text at ${MIN_BODY} pt`;
  if (!largest || fielded < total * 0.3) {
    const langs = [...new Set(texts.map((text) => text.lang))];
    return new InputError([
      {
        field: 'languages',
        value: langs.join(','),
        message: `${start}: ${langs.length} languages are too much text; choose fewer languages${biggerPage}`,
      },
    ]);
  }
  return new InputError([
    {
      field: largest.field,
      message: `${start}; this field takes the most room (language ${largest.lang}): shorten it, choose fewer languages${biggerPage}`,
    },
  ]);
}
