import type { FontChain } from '../fonts/font-set.js';

/**
 * A per-process cache of values computed for a font chain, by string key.
 * Values must never be changed once made. A cache that grows past `limit`
 * entries starts again, so memory stays bounded in a long batch.
 */
export function chainCache<V>(limit = 2_000): (chain: FontChain, key: string, make: () => V) => V {
  const caches = new WeakMap<FontChain, Map<string, V>>();
  return (chain, key, make) => {
    let cache = caches.get(chain);
    if (!cache) {
      cache = new Map();
      caches.set(chain, cache);
    }
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = make();
      cache.set(key, value);
    }
    return value;
  };
}
