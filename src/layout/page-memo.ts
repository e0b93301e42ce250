import type { Block, Paragraph } from '../parse/notice-tree.js';
import { keyOf } from './block-memo.js';
import { isNameBand } from './blocks.js';
import type { PageAnswer, Skeleton } from './block-memos.js';
import type { LayoutContext } from './context.js';

// What auto-fit works out for a page apart from its attempts, kept per session (auto-fit.ts): the headings pass's
// shared sizes, the lower bound and the headings' strain. None of them reads the business text of a paragraph or a
// list outside balanced or wrapping columns, so every notice of a kind asks the same questions of them.

/** Pages (by skeleton) and answers per page kept per session: past either, all are dropped (only ever a cost). */
const PAGE_LIMIT = 64;
const ANSWER_LIMIT = 512;

/** What of a page's context its answers depend on. */
export type PageContext = Pick<LayoutContext, 'caches' | 'lang' | 'fonts' | 'theme' | 'width' | 'scale' | 'floors'>;

export interface PageAnswers {
  get(question: string): PageAnswer | undefined;
  set(question: string, answer: PageAnswer): void;
  /** The page's business paragraphs. */
  readonly data: readonly object[];
}

/**
 * A page's blocks as the headings pass and the lower bound read them: the
 * template's own text in full, a paragraph of business data by its style,
 * a list of it as a list; null when anything else holds business data (a
 * heading, a QR code, text in balanced or wrapping columns), which they read.
 */
function skeletonOf(blocks: readonly Block[], ctx: PageContext): Skeleton | null {
  const memos = ctx.caches!.blocks;
  const langs = new Set<string>([ctx.lang]);
  const data: Paragraph[] = [];
  const labels = (qr: Block): void => {
    if (qr.kind !== 'qr') return;
    for (const child of qr.children ?? []) if (child.kind === 'section') langs.add(child.lang);
  };
  const list = (children: readonly Block[], strict: boolean): string | null => {
    let key = '(';
    for (const child of children) {
      const part = one(child, strict);
      if (part === null) return null;
      key += `${part}\u0006`;
    }
    return `${key})`;
  };
  const one = (block: Block, strict: boolean): string | null => {
    switch (block.kind) {
      case 'heading':
        return keyOf(block, memos);
      case 'paragraph': {
        const content = keyOf(block, memos);
        if (content !== null || strict) return content;
        if (block.size !== 'meta') data.push(block);
        return `P${block.size} ${block.align} ${isNameBand(block) ? 1 : 0}`;
      }
      case 'list': {
        const content = keyOf(block, memos);
        return content !== null || strict ? content : 'L';
      }
      case 'qr':
        labels(block);
        return keyOf(block, memos);
      case 'qr-row': {
        let key = 'r';
        for (const code of block.codes) {
          const content = keyOf(code, memos);
          if (content === null) return null;
          labels(code);
          key += `${content}\u0007`;
        }
        return key;
      }
      case 'rule':
        return 'R';
      case 'spacer':
        return `S${block.size} ${block.grow}`;
      case 'section': {
        langs.add(block.lang);
        const inner = list(block.children, strict);
        return inner === null ? null : `s${block.lang} ${block.dir}${inner}`;
      }
      case 'box': {
        const inner = list(block.children, strict);
        return inner === null ? null : `b${block.tone}${inner}`;
      }
      case 'columns': {
        let key = `c${block.flow ? 1 : 0}${block.wrap ? 1 : 0}`;
        for (const column of block.columns) {
          const inner = list(column.children, strict || block.flow === true || block.wrap === true);
          if (inner === null) return null;
          key += `w${column.weight}${inner}`;
        }
        return key;
      }
      case 'page-number':
        return `n${block.align} ${(block as { text?: string }).text ?? ''}`;
      default:
        return null;
    }
  };
  const key = list(blocks, false);
  return key === null ? null : { key, langs: [...langs], data };
}

/**
 * The session's answers for a page in the context auto-fit lays it out in
 * (its width, language, scale, theme, fonts and floors): `get` and `set` by
 * question. Undefined without the session's caches, or when the page's
 * business data is read by the answers (skeletonOf).
 */
export function pageAnswers(blocks: readonly Block[], ctx: PageContext): PageAnswers | undefined {
  const memos = ctx.caches?.blocks;
  if (!memos) return undefined;
  let skeleton = memos.skeletons.get(blocks);
  if (skeleton === undefined) {
    skeleton = skeletonOf(blocks, ctx);
    memos.skeletons.set(blocks, skeleton);
  }
  if (skeleton === null) return undefined;
  const ids = ctx.caches!.text;
  let fonts = '';
  for (const lang of skeleton.langs) fonts += `${ids.idOf(ctx.fonts.chain(lang))},`;
  const { floors } = ctx;
  const context =
    `${ids.idOf(ctx.theme)} ${ctx.width} ${ctx.scale} ${ctx.lang} ${floors.key} ${floors.title} ${floors.band ?? ''} ` +
    `${floors.soft ? 1 : 0} ${fonts}`;
  let answers = memos.pages.get(skeleton.key);
  if (!answers) {
    if (memos.pages.size >= PAGE_LIMIT) memos.pages.clear();
    answers = new Map();
    memos.pages.set(skeleton.key, answers);
  }
  const kept = answers;
  return {
    get: (question) => kept.get(`${question}\u0000${context}`),
    set: (question, answer) => {
      if (kept.size >= ANSWER_LIMIT) kept.clear();
      kept.set(`${question}\u0000${context}`, answer);
    },
    data: skeleton.data,
  };
}
