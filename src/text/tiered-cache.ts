/**
 * A session's cache in two tiers. The pinned tier holds what every notice of
 * the session prints (the template's fixed text in the chosen languages, at
 * the fit grid's scales): bounded by the template, never evicted. The recent
 * tier holds what carries business data (a name, an address), which a long
 * batch never repeats: a least-recently-used list of at most `limit` entries.
 */
export class TieredCache<V> {
  private readonly pinned = new Map<string, V>();
  private readonly recent = new Map<string, V>();

  constructor(readonly limit: number) {}

  get(key: string): V | undefined {
    const pinned = this.pinned.get(key);
    if (pinned !== undefined) return pinned;
    const recent = this.recent.get(key);
    if (recent !== undefined) {
      // Most recently used last: eviction takes from the front.
      this.recent.delete(key);
      this.recent.set(key, recent);
    }
    return recent;
  }

  set(key: string, value: V, pinned: boolean): void {
    if (pinned) {
      this.pinned.set(key, value);
      this.recent.delete(key);
      return;
    }
    this.recent.set(key, value);
    if (this.recent.size > this.limit) this.recent.delete(this.recent.keys().next().value!);
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

  /** Entries per tier, for tests and the bench. */
  sizes(): { pinned: number; recent: number } {
    return { pinned: this.pinned.size, recent: this.recent.size };
  }

  clear(): void {
    this.pinned.clear();
    this.recent.clear();
  }
}
