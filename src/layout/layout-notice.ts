import { InputError } from '../errors.js';
import type { NoticeTree } from '../parse/notice-tree.js';
import type { FontLibrary } from '../text/font-chain.js';
import { flowParts, stack } from './blocks.js';
import type { TextRecord } from './context.js';
import { translateNode, type LaidPage } from './items.js';
import { PAGE_SIZES, type PageSizeName } from './page-sizes.js';
import { MARGIN, MIN_BODY, TYPE } from './styles.js';

export interface LayoutOptions {
  readonly size: PageSizeName;
  readonly fonts: FontLibrary;
}

/** Each step of auto-fit shrinks body text by this factor. */
const SHRINK = 0.94;

/**
 * Lays out every page. Each page is fitted on its own: body text shrinks
 * step by step until the page's content fits; spare height goes to the
 * page's flexible spacers.
 */
export function layoutNotice(tree: NoticeTree, options: LayoutOptions): LaidPage[] {
  const paper = PAGE_SIZES[options.size];
  const width = paper.width - 2 * MARGIN;
  const available = paper.height - 2 * MARGIN;
  return tree.pages.map((page) => {
    const floor = MIN_BODY / TYPE.normal;
    for (let scale = 1; ;) {
      const ctx = { width, scale, lang: tree.lang, dir: 'ltr', color: '#000000', fonts: options.fonts } as const;
      const { laid, gaps } = flowParts(page.children, ctx);
      const natural = stack(laid, gaps, 0);
      if (natural.height <= available) {
        const fitted = stack(laid, gaps, available - natural.height);
        return { ...paper, nodes: fitted.nodes.map((node) => translateNode(node, MARGIN, MARGIN)) };
      }
      if (scale <= floor) throw overflow(natural.texts, options.size);
      // Text height grows with the square of its size, so the square root is a good next guess.
      scale = Math.max(floor, Math.min(scale * SHRINK, scale * Math.sqrt(available / natural.height)));
    }
  });
}

function overflow(texts: readonly TextRecord[], size: PageSizeName): InputError {
  const largest = [...texts].sort((a, b) => b.height - a.height)[0];
  const field = largest?.fields[0] ?? 'text';
  const sample = largest ? ` ("${largest.sample.slice(0, 60)}${largest.sample.length > 60 ? '…' : ''}")` : '';
  return new InputError([
    {
      field,
      message:
        `the notice does not fit on one ${size} page even with body text at ${MIN_BODY} pt; ` +
        `the longest text is in language ${largest?.lang ?? '?'}${sample}. ` +
        'Shorten it, choose fewer languages, or a larger page with --size legal or --size tabloid',
    },
  ]);
}
