import { TieredCache } from '../text/tiered-cache.js';
import type { HeadingFit, Laid } from './laid.js';

/**
 * A block of the template's own text laid out once per session and context:
 * every notice of a session prints the same headings and paragraphs in its
 * languages, at the same few grid scales. Only blocks without business data
 * (no inline from a field) are kept; what a heading notes for the page's
 * shared heading sizes is kept with it and noted again on every use.
 */
export interface BlockMemo {
  readonly laid: Laid;
  /** The entries its headings made for their levels' shared sizes. */
  readonly fits: readonly (readonly [string, HeadingFit])[];
  readonly strained: boolean;
}

/**
 * A page's blocks as auto-fit's questions other than its attempts read them (page-memo.ts), by the page's list
 * of blocks; null when they read its business data.
 */
export interface Skeleton {
  readonly key: string;
  readonly langs: readonly string[];
  /** The business paragraphs, whose lower bound reads their line room (blocks.ts leastParagraph). */
  readonly data: readonly object[];
}

/** An answer of page-memo.ts: a lower bound, a strain, or the headings pass's shared sizes and strain. */
export type PageAnswer = number | boolean | { readonly fixed: ReadonlyMap<string, number>; readonly strained: boolean };

/** QR blocks kept per session: a link may be business data (report_url), so they are kept least recently used. */
const QR_LIMIT = 256;

/** A session's laid blocks: by the block's content, then by the context it was laid out in. */
export interface BlockMemos {
  readonly laid: Map<string, Map<string, BlockMemo>>;
  /** QR blocks with their labels, by content and context together. */
  readonly qr: TieredCache<BlockMemo>;
  /** Each block's content key (null: it holds business data), worked out once per block object. */
  readonly keys: WeakMap<object, string | null>;
  /** Each context's key, worked out once per context object (contexts are never changed once made). */
  readonly contexts: WeakMap<object, string>;
  /**
   * The line room (line height over size × leading) each paragraph of business data averaged when last laid out in
   * full, by block object: what its lower bound counts a line as (blocks.ts leastParagraph).
   */
  readonly rooms: WeakMap<object, number>;
  /** Each page's skeleton (page-memo.ts), worked out once per list of blocks. */
  readonly skeletons: WeakMap<object, Skeleton | null>;
  /** Auto-fit's answers for pages, by skeleton key, then by question and context (page-memo.ts). */
  readonly pages: Map<string, Map<string, PageAnswer>>;
  clear(): void;
}

export function blockMemos(): BlockMemos {
  const laid = new Map<string, Map<string, BlockMemo>>();
  const qr = new TieredCache<BlockMemo>(QR_LIMIT);
  const pages = new Map<string, Map<string, PageAnswer>>();
  return {
    laid,
    qr,
    keys: new WeakMap(),
    contexts: new WeakMap(),
    rooms: new WeakMap(),
    skeletons: new WeakMap(),
    pages,
    clear: () => {
      laid.clear();
      pages.clear();
      qr.clear();
    },
  };
}
