import type { Db } from '../../../core/db/types.js';
import type { ContractRef, FetchedSource, SourceFetchOptions, SourceProvider } from './types.js';

export const SOURCE_CACHE_NAMESPACE = 'contract-source';

export interface SourceCacheOptions {
  /** Persistent store (`kv_cache` table); without it the cache lives in memory only. */
  db?: Db;
  /** Verified source never changes; a day bounds staleness of re-verifications. */
  ttlMs?: number;
  /** Proxies can be upgraded to a new implementation at any time, so their answers expire sooner. */
  proxyTtlMs?: number;
  now?: () => number;
  /** Entries kept in memory in front of the store. */
  memoryLimit?: number;
}

export interface CachedSourceProvider extends SourceProvider {
  invalidate(ref: ContractRef): Promise<void>;
}

export function sourceCacheKey(ref: ContractRef): string {
  return `${ref.platform}/${ref.chain}/${ref.address.toLowerCase()}`;
}

/**
 * Caches fetched sources by platform/chain/address, in memory and in the
 * `kv_cache` table. Failures are not cached (a contract may be verified a
 * minute later). Concurrent requests for one contract share a single fetch.
 */
export function withSourceCache(
  provider: SourceProvider,
  options: SourceCacheOptions = {},
): CachedSourceProvider {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 24 * 60 * 60_000;
  const proxyTtlMs = options.proxyTtlMs ?? 5 * 60_000;
  const memoryLimit = options.memoryLimit ?? 256;
  const memory = new Map<string, { value: FetchedSource; expiresAt: number }>();
  const inflight = new Map<string, Promise<FetchedSource>>();

  function remember(key: string, value: FetchedSource, expiresAt: number): void {
    memory.delete(key);
    memory.set(key, { value, expiresAt });
    while (memory.size > memoryLimit) {
      const oldest = memory.keys().next().value;
      if (oldest === undefined) break;
      memory.delete(oldest);
    }
  }

  async function lookup(key: string): Promise<FetchedSource | undefined> {
    const hit = memory.get(key);
    if (hit && hit.expiresAt > now()) return hit.value;
    if (hit) memory.delete(key);
    if (!options.db) return undefined;
    const row = await options.db.one<{ value: string; expires_at: number | string | null }>(
      'SELECT value, expires_at FROM kv_cache WHERE namespace = ? AND key = ?',
      [SOURCE_CACHE_NAMESPACE, key],
    );
    if (!row) return undefined;
    const expiresAt = row.expires_at === null ? Number.POSITIVE_INFINITY : Number(row.expires_at);
    if (expiresAt <= now()) return undefined;
    try {
      const value = JSON.parse(row.value) as FetchedSource;
      remember(key, value, expiresAt);
      return value;
    } catch {
      return undefined;
    }
  }

  async function store(key: string, value: FetchedSource): Promise<void> {
    const expiresAt = now() + (value.meta.implementationAddress ? proxyTtlMs : ttlMs);
    remember(key, value, expiresAt);
    await options.db?.exec(
      `INSERT INTO kv_cache (namespace, key, value, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
      [SOURCE_CACHE_NAMESPACE, key, JSON.stringify(value), expiresAt],
    );
  }

  return {
    name: `cached(${provider.name})`,
    async fetch(ref: ContractRef, fetchOptions: SourceFetchOptions = {}): Promise<FetchedSource> {
      const key = sourceCacheKey(ref);
      const cached = await lookup(key);
      if (cached) return cached;
      const running = inflight.get(key);
      if (running) return running;
      const promise = (async () => {
        const value = await provider.fetch(ref, fetchOptions);
        await store(key, value);
        return value;
      })().finally(() => inflight.delete(key));
      inflight.set(key, promise);
      return promise;
    },
    async invalidate(ref: ContractRef): Promise<void> {
      const key = sourceCacheKey(ref);
      memory.delete(key);
      await options.db?.exec('DELETE FROM kv_cache WHERE namespace = ? AND key = ?', [
        SOURCE_CACHE_NAMESPACE,
        key,
      ]);
    },
  };
}
