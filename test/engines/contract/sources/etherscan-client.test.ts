import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parseConfig } from '../../../../src/core/config.js';
import { VigilError } from '../../../../src/core/errors.js';
import { createEtherscanProvider } from '../../../../src/engines/contract/sources/etherscan-client.js';
import type { HttpRetryOptions } from '../../../../src/engines/contract/sources/http.js';
import {
  BANK_ADDRESS,
  type ExplorerServer,
  FLATTENED_ADDRESS,
  LEGACY_MULTI_ADDRESS,
  PROXY_ADDRESS,
  startExplorerServer,
  TRIUMPH_ADDRESS,
  UNVERIFIED_ADDRESS,
} from '../../../helpers/explorer-server.js';

const ref = (address: string, platform = 'etherscan', chain = 'mainnet') => ({ platform, chain, address });

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<VigilError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof VigilError, `expected VigilError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return err;
  }
  assert.fail(`expected ${code}`);
}

describe('Etherscan-compatible getsourcecode client', () => {
  let server: ExplorerServer;
  let waits: number[];
  let http: HttpRetryOptions;

  before(async () => {
    server = await startExplorerServer({ apiKey: 'K3Y' });
  });
  after(() => server.close());
  beforeEach(() => {
    waits = [];
    server.requests.length = 0;
    http = {
      maxRetries: 2,
      sleep: async (ms) => {
        waits.push(ms);
      },
    };
  });

  const provider = (extra: Partial<Parameters<typeof createEtherscanProvider>[0]> = {}) =>
    createEtherscanProvider({
      config: parseConfig({
        platforms: server.platformsConfig({ etherscan: { mainnet: 1 }, bscscan: { testnet: 97 } }),
      }),
      ...http,
      ...extra,
    });

  it('reads a multi-file standard-JSON contract with its metadata', async () => {
    const { bundle, meta } = await provider().fetch(ref(TRIUMPH_ADDRESS));
    assert.equal(meta.layout, 'standard-json');
    assert.equal(meta.contractName, 'TRIUMPH');
    assert.equal(meta.compilerVersion, 'v0.8.23+commit.f704f362');
    assert.equal(meta.licenseType, 'MIT');
    assert.equal(meta.evmVersion, 'Default');
    assert.equal(meta.optimizationUsed, true);
    assert.equal(meta.runs, 200);
    assert.equal(meta.implementationAddress, null);
    assert.equal(meta.provider, 'etherscan');
    assert.equal(bundle.entry, 'contracts/TRIUMPH.sol');
    assert.ok(
      bundle.files['@openzeppelin/contracts/token/ERC20/ERC20.sol']?.includes('abstract contract ERC20'),
    );
    assert.ok(Object.keys(bundle.files).length >= 9);
    assert.deepEqual(bundle.remappings, ['@openzeppelin/contracts/=node_modules/@openzeppelin/contracts/']);
    const q = server.requests[0]?.query;
    assert.equal(q?.apikey, 'K3Y');
    assert.equal(q?.chainid, '1');
    assert.equal(q?.address, TRIUMPH_ADDRESS);
  });

  it('reads flattened and legacy multi-file uploads of the same contract', async () => {
    const flat = await provider().fetch(ref(FLATTENED_ADDRESS));
    assert.equal(flat.meta.layout, 'flattened');
    assert.deepEqual(Object.keys(flat.bundle.files), ['TRIUMPH.sol']);
    assert.match(flat.bundle.files['TRIUMPH.sol'] ?? '', /contract TriumphVault/);
    const multi = await provider().fetch(ref(LEGACY_MULTI_ADDRESS));
    assert.equal(multi.meta.layout, 'multi');
    assert.equal(multi.bundle.entry, 'contracts/TRIUMPH.sol');
  });

  it('reads a single-file contract', async () => {
    const { bundle, meta } = await provider().fetch(ref(BANK_ADDRESS, 'bscscan', 'testnet'));
    assert.equal(meta.layout, 'single');
    assert.deepEqual(Object.keys(bundle.files), ['EtherBank.sol']);
    assert.equal(meta.evmVersion, 'paris');
    assert.equal(server.requests[0]?.path, '/bscscan/testnet/api');
    assert.equal(server.requests[0]?.query.chainid, '97');
  });

  it('follows a proxy to its implementation', async () => {
    const { bundle, meta } = await provider().fetch(ref(PROXY_ADDRESS));
    assert.equal(meta.address, PROXY_ADDRESS);
    assert.equal(meta.implementationAddress, BANK_ADDRESS);
    assert.equal(meta.sourceAddress, BANK_ADDRESS);
    assert.equal(meta.contractName, 'EtherBank');
    assert.deepEqual(Object.keys(bundle.files), ['EtherBank.sol']);
    assert.equal(server.requests.length, 2);
  });

  it('keeps the proxy source when asked not to follow', async () => {
    const { bundle, meta } = await provider({ followProxies: false }).fetch(ref(PROXY_ADDRESS));
    assert.equal(meta.implementationAddress, BANK_ADDRESS);
    assert.equal(meta.sourceAddress, PROXY_ADDRESS);
    assert.deepEqual(Object.keys(bundle.files), ['BankProxy.sol']);
  });

  it('reports an unverified contract as CONTRACT_NOT_VERIFIED', async () => {
    await rejectsWith(provider().fetch(ref(UNVERIFIED_ADDRESS)), 'CONTRACT_NOT_VERIFIED');
  });

  it('refuses an unconfigured platform or chain without asking anyone', async () => {
    await rejectsWith(provider().fetch(ref(TRIUMPH_ADDRESS, 'nosuchscan')), 'UNSUPPORTED_CHAIN');
    await rejectsWith(provider().fetch(ref(TRIUMPH_ADDRESS, 'etherscan', 'goerli')), 'UNSUPPORTED_CHAIN');
    assert.equal(server.requests.length, 0);
  });

  it('surfaces an invalid API key as an upstream refusal', async () => {
    const p = createEtherscanProvider({
      config: parseConfig({
        platforms: {
          etherscan: { mainnet: { apiUrl: server.etherscanApiUrl('etherscan', 'mainnet'), apiKey: 'wrong' } },
        },
      }),
      ...http,
    });
    const err = await rejectsWith(p.fetch(ref(TRIUMPH_ADDRESS)), 'UPSTREAM_UNAVAILABLE');
    assert.match(err.message, /Invalid API Key/);
  });

  it('waits for Retry-After on HTTP 429, then succeeds', async () => {
    server.rateLimit({ count: 2, style: 'http', retryAfterSeconds: 2 });
    const { meta } = await provider().fetch(ref(BANK_ADDRESS));
    assert.equal(meta.contractName, 'EtherBank');
    assert.deepEqual(waits, [2000, 2000]);
  });

  it("backs off on Etherscan's in-body rate limit, then succeeds", async () => {
    server.rateLimit({ count: 1, style: 'body' });
    const { meta } = await provider({ baseDelayMs: 10 }).fetch(ref(BANK_ADDRESS));
    assert.equal(meta.contractName, 'EtherBank');
    assert.deepEqual(waits, [10]);
  });

  it('gives up with UPSTREAM_RATE_LIMITED after the retries', async () => {
    server.rateLimit({ count: 5, style: 'body' });
    await rejectsWith(provider({ baseDelayMs: 1 }).fetch(ref(BANK_ADDRESS)), 'UPSTREAM_RATE_LIMITED');
    assert.equal(server.requests.length, 3);
    server.rateLimit({ count: 0 });
  });

  it('fails at once when Retry-After exceeds the allowed wait', async () => {
    server.rateLimit({ count: 1, style: 'http', retryAfterSeconds: 3600 });
    const err = await rejectsWith(provider().fetch(ref(BANK_ADDRESS)), 'UPSTREAM_RATE_LIMITED');
    assert.equal(err.details?.retryAfterMs, 3_600_000);
    assert.equal(err.retryable, true);
    assert.deepEqual(waits, []);
  });

  it('retries server errors with exponential backoff', async () => {
    server.failNext(2, 502);
    const { meta } = await provider({ baseDelayMs: 5 }).fetch(ref(BANK_ADDRESS));
    assert.equal(meta.contractName, 'EtherBank');
    assert.deepEqual(waits, [5, 10]);
  });

  it('reports an unreachable explorer as UPSTREAM_UNAVAILABLE', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((r) => closed.close(() => r()));
    const p = createEtherscanProvider({
      config: parseConfig({
        platforms: { etherscan: { mainnet: { apiUrl: `http://127.0.0.1:${port}/api` } } },
      }),
      ...http,
    });
    const err = await rejectsWith(p.fetch(ref(TRIUMPH_ADDRESS)), 'UPSTREAM_UNAVAILABLE');
    assert.match(err.message, /unreachable/);
    assert.equal(waits.length, 2);
  });

  it('times out a silent explorer', async () => {
    server.setDelay(500);
    try {
      await rejectsWith(
        provider({ timeoutMs: 50, maxRetries: 0 }).fetch(ref(BANK_ADDRESS)),
        'UPSTREAM_UNAVAILABLE',
      );
    } finally {
      server.setDelay(0);
    }
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(provider().fetch(ref(BANK_ADDRESS), { signal: controller.signal }), 'CANCELLED');
  });
});
