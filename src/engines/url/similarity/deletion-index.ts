import { deletions, osaDistance } from './edit-distance.js';

/**
 * A symmetric deletion-neighbourhood index (the SymSpell idea): every key is
 * stored under all its deletions up to its depth; a query generates its own
 * deletions and only the keys sharing one are verified with a bounded edit
 * distance. Lookups cost O(neighbourhood of the query), independent of how
 * many keys there are, so 10,000 protected labels stay fast.
 */
export class DeletionIndex<V> {
  private readonly buckets = new Map<string, Set<string>>();
  private readonly values = new Map<string, { value: V[]; maxDistance: number }>();
  private deepest = 0;
  private longest = 0;

  /** Adds a key that matches queries within `maxDistance` edits. */
  add(key: string, value: V, maxDistance: number): void {
    const existing = this.values.get(key);
    if (existing) {
      existing.value.push(value);
      existing.maxDistance = Math.max(existing.maxDistance, maxDistance);
    } else {
      this.values.set(key, { value: [value], maxDistance });
    }
    if (maxDistance <= 0) return;
    this.deepest = Math.max(this.deepest, maxDistance);
    this.longest = Math.max(this.longest, [...key].length);
    for (const del of deletions(key, maxDistance)) {
      let bucket = this.buckets.get(del);
      if (!bucket) {
        bucket = new Set();
        this.buckets.set(del, bucket);
      }
      bucket.add(key);
    }
  }

  get size(): number {
    return this.values.size;
  }

  /** Keys within their own max distance of `query` (distance ≥ 1; exact hits are the caller's business). */
  search(query: string): { key: string; distance: number; values: V[] }[] {
    if (this.deepest === 0) return [];
    // No key is long enough to be within reach of a much longer query.
    if (query.length - this.deepest > this.longest * 2) return [];
    const length = [...query].length;
    if (length - this.deepest > this.longest) return [];
    const candidates = new Set<string>();
    const visit = (del: string) => {
      const bucket = this.buckets.get(del);
      if (bucket) for (const key of bucket) candidates.add(key);
    };
    if (length === query.length && this.deepest <= 2) {
      // ASCII fast path: walk the neighbourhood without materializing it (duplicates only repeat a lookup).
      visit(query);
      for (let i = 0; i < query.length; i++) {
        const d1 = query.slice(0, i) + query.slice(i + 1);
        visit(d1);
        if (this.deepest < 2) continue;
        for (let j = i; j < d1.length; j++) visit(d1.slice(0, j) + d1.slice(j + 1));
      }
    } else {
      for (const del of deletions(query, this.deepest)) visit(del);
    }
    const out: { key: string; distance: number; values: V[] }[] = [];
    for (const key of candidates) {
      if (key === query) continue;
      const entry = this.values.get(key);
      if (!entry) continue;
      const distance = osaDistance(query, key, entry.maxDistance);
      if (distance <= entry.maxDistance) out.push({ key, distance, values: entry.value });
    }
    return out.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
  }
}
