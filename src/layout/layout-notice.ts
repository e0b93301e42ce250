import { InputError } from '../errors.js';
import type { NoticeTree } from '../parse/notice-tree.js';
import type { FontLibrary } from '../text/font-chain.js';
import { flowParts, stack } from './blocks.js';
import type { Laid, TextRecord } from './context.js';
import { placeNodes, type LaidPage } from './items.js';
import { PAGE_SIZES, type PageSizeName } from './page-sizes.js';
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
 * page fits. Text height grows with the square of its size, so the square
 * root of the height ratio is a good guess, down or up; bisection finishes.
 */
function fit(attempt: (scale: number) => Attempt, available: number, size: PageSizeName): Attempt {
  const floor = MIN_BODY / TYPE.normal;
  const guess = (from: Attempt) => from.scale * Math.sqrt(available / from.natural.height);
  let tooBig = Infinity;
  let best = attempt(1);
  while (best.natural.height > available) {
    if (best.scale <= floor) throw overflow(best.natural.texts, size);
    tooBig = best.scale;
    best = attempt(Math.max(floor, Math.min(best.scale * SHRINK, guess(best))));
  }
  if (tooBig === Infinity) {
    tooBig = MAX_SCALE * (1 + PRECISION);
    const larger = Math.min(MAX_SCALE, guess(best));
    if (larger > best.scale * (1 + PRECISION)) {
      const tried = attempt(larger);
      if (tried.natural.height <= available) best = tried;
      else tooBig = larger;
    }
  }
  while (best.scale < MAX_SCALE && tooBig / best.scale - 1 > PRECISION) {
    const tried = attempt(Math.min(MAX_SCALE, (best.scale + tooBig) / 2));
    if (tried.natural.height <= available) best = tried;
    else tooBig = tried.scale;
  }
  return best;
}

function overflow(texts: readonly TextRecord[], size: PageSizeName): InputError {
  const largest = [...texts].sort((a, b) => b.height - a.height)[0];
  const field = largest?.fields[0];
  const sample = largest ? ` ("${largest.sample.slice(0, 60)}${largest.sample.length > 60 ? '…' : ''}")` : '';
  return new InputError([
    {
      ...(field ? { field } : {}),
      message:
        `the notice does not fit on one ${size} page even with body text at ${MIN_BODY} pt; ` +
        `the longest text is in language ${largest?.lang ?? '?'}${sample}. ` +
        'Shorten it, choose fewer languages, or a larger page with --size legal or --size tabloid',
    },
  ]);
}
