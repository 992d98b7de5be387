import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type Address, toFunctionSelector } from 'viem';
import { createChainClient } from '../../src/chain/client.js';
import { ReadCache } from '../../src/chain/read-cache.js';
import { ChainReader } from '../../src/chain/reader.js';
import { scanAddress } from '../../src/engines/address/engine.js';
import { AddressLabelStore } from '../../src/engines/address/labels/store.js';
import { type AddressFixture, setupAddressFixture } from '../engines/address/setup.js';

/** A loopback JSON-RPC relay to anvil that counts requests and can fail the first N with HTTP 503. */
async function startRelay(
  upstream: string,
): Promise<{ url: string; requests: number; failNext: number; close(): Promise<void> }> {
  const state = { requests: 0, failNext: 0 };
  const server: Server = createServer(async (req, res) => {
    state.requests += 1;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (state.failNext > 0) {
      state.failNext -= 1;
      res.writeHead(503).end('busy');
      return;
    }
    const upstreamRes = await fetch(upstream, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat(chunks),
    });
    res.writeHead(upstreamRes.status, { 'content-type': 'application/json' }).end(await upstreamRes.text());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    get requests() {
      return state.requests;
    },
    get failNext() {
      return state.failNext;
    },
    set failNext(n: number) {
      state.failNext = n;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let fx: AddressFixture;
let relay: Awaited<ReturnType<typeof startRelay>>;
before(async () => {
  fx = await setupAddressFixture();
  relay = await startRelay(fx.anvil.rpcUrl);
});
after(async () => {
  await relay?.close();
  await fx?.close();
});

describe('chain client and reader', () => {
  test('reads issued together leave in one JSON-RPC batch (one round trip)', async () => {
    const client = createChainClient(fx.chainConfig({ rpcUrls: [relay.url] }));
    const reader = await ChainReader.atLatest(client);
    const before = relay.requests;
    const { clean, mintable } = fx.deployed;
    await Promise.all([
      reader.getCode(clean),
      reader.getBalance(clean),
      reader.getNonce(mintable),
      reader.getStorageAt(clean, '0x0'),
    ]);
    assert.equal(relay.requests - before, 1);
    assert.equal(client.stats.roundTrips, 2); // head block + the batch
    assert.equal(client.stats.requests, 5);
  });

  test('the cache is keyed by chain + address + block: a repeat read costs nothing, a new block reads again', async () => {
    const client = createChainClient(fx.chainConfig({ rpcUrls: [relay.url] }));
    const cache = new ReadCache();
    const reader = await ChainReader.atLatest(client, cache);
    await reader.getCode(fx.deployed.clean);
    const trips = client.stats.roundTrips;
    await reader.getCode(fx.deployed.clean);
    assert.equal(client.stats.roundTrips, trips);
    assert.ok(cache.hits >= 1);
    await fx.anvil.rpc('evm_mine');
    const later = await ChainReader.atLatest(client, cache);
    assert.equal(later.blockNumber, reader.blockNumber + 1n);
    await later.getCode(fx.deployed.clean);
    assert.equal(client.stats.roundTrips, trips + 2);
  });

  test('retries a transient HTTP 503 with backoff', async () => {
    const client = createChainClient(fx.chainConfig({ rpcUrls: [relay.url] }), { retryDelayMs: 10 });
    relay.failNext = 2;
    const reader = await ChainReader.atLatest(client);
    assert.ok(reader.blockNumber > 0n);
    assert.equal(relay.failNext, 0);
  });

  test('fails over to the next RPC URL when the first is down', async () => {
    const client = createChainClient(fx.chainConfig({ rpcUrls: ['http://127.0.0.1:1', relay.url] }), {
      retryCount: 0,
    });
    const reader = await ChainReader.atLatest(client);
    assert.equal(await reader.getCode(fx.freshEoa), '0x');
  });

  test('a node that cannot be reached is RPC_UNAVAILABLE, a revert is a failed call', async () => {
    const dead = createChainClient(fx.chainConfig({ rpcUrls: ['http://127.0.0.1:1'] }), { retryCount: 0 });
    await assert.rejects(ChainReader.atLatest(dead), { code: 'RPC_UNAVAILABLE' });
    const reader = await ChainReader.atLatest(createChainClient(fx.chainConfig()));
    const res = await reader.call({
      to: fx.deployed.hiddenOwner,
      data: toFunctionSelector('mint(address,uint256)'),
    });
    assert.equal(res.success, false);
  });

  test('callMany goes through Multicall3 where configured: one eth_call for many reads', async () => {
    const client = createChainClient(
      fx.chainConfig({ rpcUrls: [relay.url], multicall3: fx.deployed.multicall3 }),
    );
    const reader = await ChainReader.atLatest(client);
    await reader.getCode(fx.deployed.multicall3); // availability probe, cached
    const before = client.stats.requests;
    const calls = [fx.deployed.clean, fx.deployed.mintable, fx.deployed.hiddenOwner].map((to: Address) => ({
      to,
      data: toFunctionSelector('totalSupply()'),
    }));
    const results = await reader.callMany([...calls, { to: fx.deployed.clean, data: '0xdeadbeef' }]);
    assert.equal(client.stats.requests - before, 1);
    assert.deepEqual(
      results.map((r) => r.success),
      [true, true, true, false],
    );
    assert.equal(BigInt(results[0]?.data ?? '0x0'), 1_000_000n * 10n ** 18n);
  });
});

describe('RPC round trips per fresh scan', () => {
  const expectations: [string, () => Address, number][] = [
    ['EOA', () => fx.freshEoa, 2],
    ['clean ERC20', () => fx.deployed.clean, 5],
    ['EIP-1967 proxy', () => fx.deployed.eoaAdminProxy, 6],
  ];
  for (const [name, address, expected] of expectations) {
    test(`${name}: ${expected} HTTP round trips to the node`, async () => {
      const relayBefore = relay.requests;
      const viaRelay = fx.registry({ rpcUrls: [relay.url] });
      const r = await scanAddress(
        { chainId: fx.anvil.chainId, address: address() },
        { chains: viaRelay, labels: new AddressLabelStore(fx.db), readCache: new ReadCache(), now: Date.now },
      );
      // The client's own count agrees with what the node side saw.
      assert.equal(r.rpcRoundTrips, relay.requests - relayBefore);
      assert.equal(r.rpcRoundTrips, expected);
      console.log(`round trips per fresh scan, ${name}: ${r.rpcRoundTrips}`);
    });
  }
});
