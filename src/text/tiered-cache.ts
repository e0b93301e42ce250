/** An entry of the recent tier, in its list from least to most recently used. */
interface Recent<V> {
  readonly key: string;
  value: V;
  older: Recent<V> | undefined;
  newer: Recent<V> | undefined;
}

/**
 * A session's cache in two tiers. The pinned tier holds what every notice of
 * the session prints (the template's fixed text in the chosen languages, at
 * the fit grid's scales): bounded by the template, never evicted. The recent
 * tier holds what carries business data (a name, an address), which a long
 * batch never repeats: a least-recently-used list of at most `limit` entries.
 * The list is linked through its entries: a Map kept in use order by deleting
 * and setting again fills with deleted slots, which finding its oldest entry
 * then walks over (most of a miss's cost, at a few hundred entries).
 */
export class TieredCache<V> {
  private readonly pinned = new Map<string, V>();
  private readonly recent = new Map<string, Recent<V>>();
  private oldest: Recent<V> | undefined;
  private newest: Recent<V> | undefined;

  constructor(readonly limit: number) {}

  get(key: string): V | undefined {
    const pinned = this.pinned.get(key);
    if (pinned !== undefined) return pinned;
    const recent = this.recent.get(key);
    if (recent === undefined) return undefined;
    // Most recently used last: eviction takes the oldest.
    if (recent !== this.newest) {
      this.unlink(recent);
      this.append(recent);
    }
    return recent.value;
  }

  set(key: string, value: V, pinned: boolean): void {
    const recent = this.recent.get(key);
    if (pinned) {
      this.pinned.set(key, value);
      if (recent !== undefined) {
        this.unlink(recent);
        this.recent.delete(key);
      }
      return;
    }
    // A new value for a recent key keeps its place in the list.
    if (recent !== undefined) {
      recent.value = value;
      return;
    }
    const entry: Recent<V> = { key, value, older: undefined, newer: undefined };
    this.recent.set(key, entry);
    this.append(entry);
    if (this.recent.size > this.limit) {
      const oldest = this.oldest!;
      this.unlink(oldest);
      this.recent.delete(oldest.key);
    }
  }

  /** The value for `key`, made by `make` when missing and kept in the tier `pinned` says. */
  take(key: string, pinned: boolean, make: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make();
      this.set(key, value, pinned);
    }
    return value;
  }

  /** Every entry: the pinned ones, then the recent ones from least to most recently used. */
  entries(): [string, V][] {
    const entries: [string, V][] = [...this.pinned];
    for (let entry = this.oldest; entry; entry = entry.newer) entries.push([entry.key, entry.value]);
    return entries;
  }

  /** Entries per tier, for tests and the bench. */
  sizes(): { pinned: number; recent: number } {
    return { pinned: this.pinned.size, recent: this.recent.size };
  }

  clear(): void {
    this.pinned.clear();
    this.recent.clear();
    this.oldest = undefined;
    this.newest = undefined;
  }

  private unlink(entry: Recent<V>): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = undefined;
    entry.newer = undefined;
  }

  private append(entry: Recent<V>): void {
    entry.older = this.newest;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }
}
