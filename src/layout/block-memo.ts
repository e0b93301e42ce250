import type { Block, Heading, Inline, List, Paragraph, Qr } from '../parse/notice-tree.js';
import type { BlockMemo, BlockMemos } from './block-memos.js';
import type { HeadingFit, Laid, LayoutContext } from './context.js';

// Blocks of the template's own text, laid out once per session and context (block-memos.ts keeps them).

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

/** Every field of a block, its text last; null when it holds business data or is of a kind not kept. */
function contentKey(block: Block): string | null {
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
    case 'section': {
      let key = `s${block.lang} ${block.dir}\u0003`;
      // Only leaves: they read the section's language, whose font chain the caller keys (memoQr).
      for (const child of block.children) {
        const inner = child.kind === 'heading' || child.kind === 'paragraph' || child.kind === 'list' ? contentKey(child) : null;
        if (inner === null) return null;
        key += `${inner}\u0004`;
      }
      return `${key}\u0005`;
    }
    case 'qr': {
      let key = `q${block.sizeMm} ${block.tone ?? ''} ${block.href.length} ${block.href} ${block.caption}\u0003`;
      for (const child of block.children ?? []) {
        const inner = child.kind === 'section' ? contentKey(child) : null;
        if (inner === null) return null;
        key += `${inner}\u0004`;
      }
      return `${key}\u0005`;
    }
    default:
      return null;
  }
}

/** A block's content key (contentKey), worked out once per block object. */
export function keyOf(block: Block, memos: BlockMemos): string | null {
  let content = memos.keys.get(block);
  if (content === undefined) {
    content = contentKey(block);
    memos.keys.set(block, content);
  }
  return content;
}

/** Everything of the context that laying out a block may read, but the heading sizes it notes. */
function contextKey(ctx: LayoutContext, memos: BlockMemos): string {
  let key = memos.contexts.get(ctx);
  if (key === undefined) {
    const ids = ctx.caches!.text;
    const { floors, headings } = ctx;
    key =
      `${ids.idOf(ctx.theme)} ${ids.idOf(ctx.fonts.chain(ctx.lang))} ${ids.idOf(ctx.layoutBlock)} ${ctx.width} ${ctx.scale} ` +
      `${ctx.lang} ${ctx.dir} ${ctx.color} ${ctx.inSection ? 1 : 0} ${floors.key} ${floors.title} ${floors.band ?? ''} ` +
      `${headings.fixed?.get('h1') ?? ''} ${headings.fixed?.get('h2') ?? ''}`;
    memos.contexts.set(ctx, key);
  }
  return key;
}

/**
 * Lays the block out with the heading sizes it notes kept apart, then notes them in `ctx` (on every use, kept or
 * not). Laid out in full even for a lower bound (ctx.least, which places nothing), since the memo serves both.
 */
function record(block: Block, ctx: LayoutContext, make: (ctx: LayoutContext) => Laid): BlockMemo {
  const found = new Map<string, HeadingFit[]>();
  const strained = { value: false };
  const laid = make({ ...ctx, headings: { ...ctx.headings, found, strained }, least: false });
  const fits = [...found].flatMap(([group, list]) => list.map((fit) => [group, fit] as const));
  return { laid, fits, strained: strained.value };
}

function replay(memo: BlockMemo, ctx: LayoutContext): Laid {
  if (memo.strained) ctx.headings.strained.value = true;
  for (const [group, fit] of memo.fits) ctx.headings.found.set(group, [...(ctx.headings.found.get(group) ?? []), fit]);
  return memo.laid;
}

/**
 * `make(block, ctx)`, or what it gave before in this session for the same
 * content in the same context. Without the session's caches, or for a block
 * holding business data, it is laid out afresh.
 */
export function memoLeaf<B extends Leaf>(block: B, ctx: LayoutContext, make: (block: B, ctx: LayoutContext) => Laid): Laid {
  const memos = ctx.caches?.blocks;
  if (!memos) return make(block, ctx);
  const content = keyOf(block, memos);
  if (content === null) return make(block, ctx);
  const context = contextKey(ctx, memos);
  let byContext = memos.laid.get(content);
  if (!byContext) {
    byContext = new Map();
    memos.laid.set(content, byContext);
  }
  let memo = byContext.get(context);
  if (!memo) {
    memo = record(block, ctx, (inner) => make(block, inner));
    byContext.set(context, memo);
  }
  return replay(memo, ctx);
}

/**
 * A QR block with its label, kept like a leaf; its label's sections are laid
 * out in their own languages, so their font chains are part of the key.
 */
export function memoQr(block: Qr, ctx: LayoutContext, make: (block: Qr, ctx: LayoutContext) => Laid): Laid {
  const memos = ctx.caches?.blocks;
  if (!memos) return make(block, ctx);
  const content = keyOf(block, memos);
  if (content === null) return make(block, ctx);
  const ids = ctx.caches!.text;
  const chains = (block.children ?? []).map((child) => (child.kind === 'section' ? ids.idOf(ctx.fonts.chain(child.lang)) : '')).join(',');
  const key = `${contextKey(ctx, memos)}\u0000${chains}\u0000${content}`;
  return replay(
    memos.qr.take(key, false, () => record(block, ctx, (inner) => make(block, inner))),
    ctx,
  );
}
