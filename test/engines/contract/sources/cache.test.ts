import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { coreMigrations } from '../../../../src/core/db/core-migrations.js';
import { migrate } from '../../../../src/core/db/migrate.js';
import { openSqlite, type SqliteDb } from '../../../../src/core/db/sqlite.js';
import { VigilError } from '../../../../src/core/errors.js';
import { SOURCE_CACHE_NAMESPACE, withSourceCache } from '../../../../src/engines/contract/sources/cache.js';
import type {
  ContractRef,
  FetchedSource,
  SourceProvider,
} from '../../../../src/engines/contract/sources/types.js';

const REF: ContractRef = {
  platform: 'etherscan',
  chain: 'mainnet',
  address: '0x1111111111111111111111111111111111111111',
};

function source(address: string, implementationAddress: string | null = null): FetchedSource {
  return {
    bundle: { files: { 'A.sol': 'contract A {}' }, entry: 'A.sol' },
    meta: {
      platform: 'etherscan',
      chain: 'mainnet',
      address,
      contractName: 'A',
      compilerVersion: 'v0.8.23+commit.f704f362',
      evmVersion: 'Default',
      licenseType: 'MIT',
      optimizationUsed: false,
      runs: null,
      implementationAddress,
      sourceAddress: address,
      provider: 'etherscan',
      match: 'full',
      layout: 'single',
      fetchedAt: 1,
    },
  };
}

/** A provider that counts its calls and can be told to fail. */
function counting(opts: { fail?: boolean; proxy?: boolean; delayMs?: number } = {}) {
  const state = { calls: 0, fail: opts.fail ?? false };
  const provider: SourceProvider = {
    name: 'counting',
    async fetch(ref) {
      state.calls++;
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      if (state.fail) throw new VigilError('CONTRACT_NOT_VERIFIED');
      return source(ref.address, opts.proxy ? '0x2222222222222222222222222222222222222222' : null);
    },
  };
  return { provider, state };
}

describe('source cache', () => {
  let dir: string;
  let db: SqliteDb;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-src-cache-'));
    db = openSqlite(path.join(dir, 'cache.db'));
    await migrate(db, coreMigrations);
  });
  after(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches once per platform/chain/address and persists in kv_cache', async () => {
    const { provider, state } = counting();
    const cached = withSourceCache(provider, { db });
    const first = await cached.fetch(REF);
    const second = await cached.fetch({ ...REF, address: REF.address.toUpperCase().replace('0X', '0x') });
    assert.equal(state.calls, 1);
    assert.deepEqual(second, first);
    const row = await db.one<{ value: string }>(
      'SELECT value FROM kv_cache WHERE namespace = ? AND key = ?',
      [SOURCE_CACHE_NAMESPACE, `etherscan/mainnet/${REF.address.toLowerCase()}`],
    );
    assert.ok(row);
    // A new process (new cache instance, same store) reads it back without fetching.
    const again = counting();
    const restored = await withSourceCache(again.provider, { db }).fetch(REF);
    assert.equal(again.state.calls, 0);
    assert.deepEqual(restored, first);
    // A different chain is a different contract.
    await cached.fetch({ ...REF, chain: 'sepolia' });
    assert.equal(state.calls, 2);
  });

  it('expires entries, proxies sooner than plain contracts', async () => {
    let now = 1_000;
    const plain = counting();
    const proxy = counting({ proxy: true });
    const opts = { ttlMs: 1_000, proxyTtlMs: 100, now: () => now };
    const a = withSourceCache(plain.provider, opts);
    const b = withSourceCache(proxy.provider, opts);
    await a.fetch(REF);
    await b.fetch(REF);
    now += 500;
    await a.fetch(REF);
    await b.fetch(REF);
    assert.equal(plain.state.calls, 1);
    assert.equal(proxy.state.calls, 2);
    now += 1_000;
    await a.fetch(REF);
    assert.equal(plain.state.calls, 2);
  });

  it('does not cache failures', async () => {
    const { provider, state } = counting({ fail: true });
    const cached = withSourceCache(provider);
    await assert.rejects(cached.fetch(REF), { code: 'CONTRACT_NOT_VERIFIED' });
    state.fail = false;
    const ok = await cached.fetch(REF);
    assert.equal(ok.meta.contractName, 'A');
    assert.equal(state.calls, 2);
  });

  it('shares one fetch between concurrent requests and supports invalidation', async () => {
    const { provider, state } = counting({ delayMs: 30 });
    const cached = withSourceCache(provider, { db });
    const other = { ...REF, chain: 'holesky' };
    const results = await Promise.all([cached.fetch(other), cached.fetch(other), cached.fetch(other)]);
    assert.equal(state.calls, 1);
    assert.equal(results.length, 3);
    await cached.invalidate(other);
    await cached.fetch(other);
    assert.equal(state.calls, 2);
  });
});
