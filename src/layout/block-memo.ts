import type { Heading, Inline, List, Paragraph } from '../parse/notice-tree.js';
import type { HeadingFit, Laid, LayoutContext } from './context.js';

/**
 * A block of the template's own text laid out once per session and context:
 * every notice of a session prints the same headings and paragraphs in its
 * languages, at the same few grid scales. Only blocks without business data
 * (no inline from a field) are kept; what a heading notes for the page's
 * shared heading sizes is kept with it and noted again on every use.
 */
export interface BlockMemo {
  readonly laid: Laid;
  /** The heading's entry for its level's shared size, when it made one. */
  readonly fit?: { readonly group: string; readonly fit: HeadingFit };
  readonly strained: boolean;
}

/** A session's laid blocks: by the block's content, then by the context it was laid out in. */
export interface BlockMemos {
  readonly laid: Map<string, Map<string, BlockMemo>>;
  /** Each block's content key (null: it holds business data), worked out once per block object. */
  readonly keys: WeakMap<object, string | null>;
}

export function blockMemos(): BlockMemos {
  return { laid: new Map(), keys: new WeakMap() };
}

type Leaf = Heading | Paragraph | List;

/** The text of inlines for a content key; undefined when one of them is business data. */
function inlinesKey(inlines: readonly Inline[]): string | undefined {
  let key = '';
  for (const inline of inlines) {
    if (inline.field !== undefined) return undefined;
    key += `\u0001${inline.bold ? 1 : 0}${inline.text}`;
  }
  return key;
}

/** Every field of a leaf block, its text last; null when it holds business data. */
function contentKey(block: Leaf): string | null {
  switch (block.kind) {
    case 'heading': {
      const text = inlinesKey(block.inlines);
      return text === undefined ? null : `h${block.level} ${block.align}${text}`;
    }
    case 'paragraph': {
      const text = inlinesKey(block.inlines);
      return text === undefined ? null : `p${block.size} ${block.align}${text}`;
    }
    case 'list': {
      let key = `l${block.size} ${block.numbered ?? ''} ${block.start ?? ''} ${block.hang ?? ''}`;
      for (const item of block.items) {
        const text = inlinesKey(item);
        if (text === undefined) return null;
        key += `\u0002${text}`;
      }
      return key;
    }
  }
}

/**
 * `make(block, ctx)`, or what it gave before in this session for the same
 * content in the same context. `extra` is what else of the context the block
 * reads (a key line's floor, a heading's shared size). Without the session's
 * caches, or for a block holding business data, it is laid out afresh.
 */
export function memoLeaf<B extends Leaf>(block: B, ctx: LayoutContext, extra: string, make: (block: B, ctx: LayoutContext) => Laid): Laid {
  const caches = ctx.caches;
  if (!caches) return make(block, ctx);
  const { keys, laid: memos } = caches.blocks;
  let content = keys.get(block);
  if (content === undefined) {
    content = contentKey(block);
    keys.set(block, content);
  }
  if (content === null) return make(block, ctx);
  const ids = caches.text;
  const context =
    `${ids.idOf(ctx.theme)} ${ids.idOf(ctx.fonts.chain(ctx.lang))} ${ctx.width} ${ctx.scale} ${ctx.lang} ${ctx.dir} ` +
    `${ctx.color} ${ctx.inSection ? 1 : 0} ${extra}`;
  let byContext = memos.get(content);
  if (!byContext) {
    byContext = new Map();
    memos.set(content, byContext);
  }
  let memo = byContext.get(context);
  if (!memo) {
    const found = new Map<string, HeadingFit[]>();
    const strained = { value: false };
    const laid = make(block, { ...ctx, headings: { ...ctx.headings, found, strained } });
    const [entry] = found;
    memo = { laid, strained: strained.value, ...(entry ? { fit: { group: entry[0], fit: entry[1][0]! } } : {}) };
    byContext.set(context, memo);
  }
  if (memo.strained) ctx.headings.strained.value = true;
  if (memo.fit) {
    const { group, fit } = memo.fit;
    ctx.headings.found.set(group, [...(ctx.headings.found.get(group) ?? []), fit]);
  }
  return memo.laid;
}
