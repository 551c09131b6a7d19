/**
 * Sorted orders for `$orderby`, like a database index: built once per (query, tenant
 * version) and kept in a small LRU, so each page is a slice at a position instead of a
 * re-sort of the whole matching set. A mutation bumps the version, so the next page is
 * served from a fresh order (positions may shift a little, as with Graph's eventual index).
 */
const CAPACITY = 8;

export class OrderCache {
  private readonly entries = new Map<string, Int32Array>();
  /** Orders built so far (tests check that pages reuse them). */
  builds = 0;

  get(key: string, build: () => Int32Array): Int32Array {
    let order = this.entries.get(key);
    if (order) {
      this.entries.delete(key); // re-insert: most recently used last
    } else {
      order = build();
      this.builds += 1;
      if (this.entries.size >= CAPACITY) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, order);
    return order;
  }
}

/** Sorts `[key, id]` pairs by key (case-insensitive text, nulls first), ties by arrival order; returns the ids. */
export function sortedIds(keyed: Array<[string, number]>, desc: boolean): Int32Array {
  const sign = desc ? -1 : 1;
  keyed.sort((a, b) => (a[0] < b[0] ? -sign : a[0] > b[0] ? sign : 0));
  return Int32Array.from(keyed, (k) => k[1]);
}

export function sortKey(value: unknown): string {
  return String(value ?? "").toLowerCase();
}
