import type { Block, PageNumber, Paragraph } from '../parse/notice-tree.js';

/** A page-number block filled in for one page: "2/3". */
export interface NumberedPage extends PageNumber {
  readonly text?: string;
}

/**
 * The line a `<page-number/>` prints: "n/N", the page's number among the
 * pages its flowing page made ("1/1" on a page that did not flow), in the
 * size of small print.
 */
export function pageNumberParagraph(block: NumberedPage): Paragraph {
  return { kind: 'paragraph', size: 'small', align: block.align, inlines: [{ text: block.text ?? '1/1', bold: false }] };
}

/** The blocks of page `page` (from 1) of `count`, with every page number filled in, at any depth. */
export function numberPages(blocks: readonly Block[], page: number, count: number): Block[] {
  return blocks.map((block): Block => {
    if (block.kind === 'page-number') return { ...block, text: `${page}/${count}` } as NumberedPage;
    if (block.kind === 'section' || block.kind === 'box') return { ...block, children: numberPages(block.children, page, count) };
    return block;
  });
}
