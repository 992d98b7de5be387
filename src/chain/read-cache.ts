/**
 * Cache of chain reads keyed by chain + address + block tag + what was read.
 * Reads pinned to a block number never change, so entries live until evicted
 * (LRU by count) or their TTL ends (bounds memory use of reads at `latest`).
 * Values are promises so concurrent identical reads share one RPC call.
 */
export interface ReadCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

export class ReadCache {
  private readonly entries = new Map<string, { value: Promise<unknown>; expires: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(options: ReadCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 20_000;
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  static key(chainId: number, address: string, blockTag: bigint | string, what: string): string {
    return `${chainId}:${address.toLowerCase()}:${blockTag.toString()}:${what}`;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Returns the cached promise or runs `load`, caching its promise; failures are not cached. */
  getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) {
      this.hits += 1;
      // Refresh recency: Map iteration order is insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    this.misses += 1;
    const value = load();
    this.entries.set(key, { value, expires: now + this.ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
