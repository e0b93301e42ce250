import type { FontRun } from './itemize.js';
import type { ParagraphLayout, TextAnalysis, TextCaches } from './paragraph.js';
import type { ShapedRun } from './shape.js';
import { TieredCache } from './tiered-cache.js';

/** Recent-tier entries per kind: a few notices' worth of business data (a row's name, address and areas). */
export const RECENT_LIMIT = 512;

/**
 * New, empty text caches for one session: laid paragraphs, font runs and
 * shaped runs, each pinned for the template's own text and least recently
 * used for business data. The session drops them with `clear`.
 */
export function textCaches(limit = RECENT_LIMIT): TextCaches & { clear(): void } {
  const ids = new Map<object, number>();
  const paragraphs = new TieredCache<ParagraphLayout>(limit);
  const items = new TieredCache<FontRun[]>(limit);
  const shaped = new TieredCache<ShapedRun>(limit * 4);
  const analyses = new TieredCache<TextAnalysis>(limit);
  return {
    paragraphs,
    items,
    shaped,
    analyses,
    idOf: (owner) => {
      let id = ids.get(owner);
      if (id === undefined) {
        id = ids.size;
        ids.set(owner, id);
      }
      return id;
    },
    clear: () => {
      for (const cache of [paragraphs, items, shaped, analyses]) cache.clear();
      ids.clear();
    },
  };
}
