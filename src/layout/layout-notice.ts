import { InputError } from '../errors.js';
import type { NoticeTree } from '../parse/notice-tree.js';
import type { FontLibrary } from '../text/font-chain.js';
import { flowParts, stack } from './blocks.js';
import type { TextRecord } from './context.js';
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
    const attempt = (scale: number) => {
      const ctx = { width, scale, lang: tree.lang, dir: 'ltr', color: '#000000', fonts: options.fonts } as const;
      const { laid, gaps } = flowParts(page.children, ctx);
      return { laid, gaps, natural: stack(laid, gaps, 0) };
    };
    const floor = MIN_BODY / TYPE.normal;
    let tooBig = Infinity;
    let scale = MAX_SCALE;
    let fitting = attempt(scale);
    while (fitting.natural.height > available) {
      if (scale <= floor) throw overflow(fitting.natural.texts, options.size);
      tooBig = scale;
      // Text height grows with the square of its size, so the square root is a good next guess.
      scale = Math.max(floor, Math.min(scale * SHRINK, scale * Math.sqrt(available / fitting.natural.height)));
      fitting = attempt(scale);
    }
    // The guess may undershoot: look for a larger scale that still fits.
    let fits = scale;
    while (Number.isFinite(tooBig) && tooBig / fits - 1 > PRECISION) {
      const middle = (fits + tooBig) / 2;
      const tried = attempt(middle);
      if (tried.natural.height <= available) {
        fits = middle;
        fitting = tried;
      } else {
        tooBig = middle;
      }
    }
    const fitted = stack(fitting.laid, fitting.gaps, available - fitting.natural.height);
    return { ...paper, nodes: placeNodes(fitted.nodes, MARGIN, MARGIN) };
  });
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
