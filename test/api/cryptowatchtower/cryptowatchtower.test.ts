// The CryptoWatchtower-compatible face end to end on a real anvil with the local DEX test bed:
// the seed's request → active (with progress) → completed exchange field by field, failures with reasons, 404/406.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cryptowatchtowerFace } from '../../../src/api/cryptowatchtower/index.js';
import { createTokenEngine } from '../../../src/engines/token/index.js';
import { addressEnginePrivileges } from '../../../src/engines/token/privileges/owner-privileges.js';
import { deployTestBed, type TestBed } from '../../engines/token/testbed.js';
import { type AnvilInstance, startAnvil } from '../../helpers/anvil.js';
import { type Creds, makeTestRuntime, type TestRuntime } from '../../helpers/runtime.js';

const REQUEST = '/api/v1/external/request/';
const RESULT = '/api/v1/external/result/';

let chain: AnvilInstance;
let bed: TestBed;
let t: TestRuntime;
let creds: Creds;
/** Holds scans at the "token facts" step until released, so the active state is observable. */
let gate: { promise: Promise<void>; open(): void } = openGate();

function openGate() {
  let open!: () => void;
  const promise = new Promise<void>((r) => {
    open = r;
  });
  return { promise, open };
}

function tokenSection(extra: Record<string, unknown> = {}) {
  return {
    builtinDeployments: false,
    dexes: [
      { chainId: chain.chainId, title: 'Uniswap v2', kind: 'v2', factory: bed.factory, router: bed.router },
    ],
    quoteTokens: [
      { chainId: chain.chainId, address: bed.weth, symbol: 'WETH', wrappedNative: true },
      { chainId: chain.chainId, address: bed.usd, symbol: 'TUSD', usdPrice: 1 },
    ],
    lockers: [{ chainId: chain.chainId, address: bed.locker, name: 'Test locker' }],
    ...extra,
  };
}

function runtimeWith(token: Record<string, unknown>, rpcUrl = chain.rpcUrl, gated = false) {
  return makeTestRuntime({
    faces: [cryptowatchtowerFace],
    engines: (ctx) => {
      const real = addressEnginePrivileges(ctx.db, ctx.now);
      return [
        createTokenEngine(ctx, {
          privileges: gated
            ? async (reader, address) => {
                await gate.promise;
                return real(reader, address);
              }
            : real,
        }),
      ];
    },
    config: {
      chains: [{ id: chain.chainId, name: 'anvil', network: 'anvil', rpcUrls: [rpcUrl] }],
      token,
      jobs: { defaultMaxAttempts: 1 },
    },
  });
}

before(async () => {
  chain = await startAnvil();
  bed = await deployTestBed(chain);
  t = await runtimeWith(tokenSection(), chain.rpcUrl, true);
  creds = await t.credentials(['reporter', 'viewer']);
});
after(async () => {
  gate.open();
  await t?.close();
  await chain?.stop();
});

/** `null` sends no x-api-key header. */
async function post(target: string, apiKey: string | null = creds.apiKey, rt = t) {
  const res = await rt.app.inject({
    method: 'POST',
    url: `${REQUEST}${encodeURIComponent(target)}`,
    headers: apiKey === null ? {} : { 'x-api-key': apiKey },
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}
async function get(id: string, apiKey: string | null = creds.apiKey, rt = t) {
  const res = await rt.app.inject({
    method: 'GET',
    url: `${RESULT}${id}`,
    headers: apiKey === null ? {} : { 'x-api-key': apiKey },
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}
async function pollUntilFinal(id: string, rt = t, apiKey = creds.apiKey) {
  for (let i = 0; i < 600; i++) {
    const r = await get(id, apiKey, rt);
    if (r.body.state !== 'active') return r;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`job ${id} never finished`);
}

describe('the seed exchange: request → active with progress → completed', () => {
  test('field by field', async () => {
    gate = openGate();
    const address = bed.tokens.clean?.address as string;
    const requested = await post(address);
    assert.equal(requested.status, 200);
    assert.deepEqual(Object.keys(requested.body), ['id']);
    assert.equal(typeof requested.body.id, 'string');
    const id = requested.body.id as string;

    // Active: {"id","state":"active","progress":"<n>","data":{}} — progress is a string, as in the seed.
    let active: Record<string, unknown> | undefined;
    for (let i = 0; i < 400 && !active; i++) {
      const r = await get(id);
      assert.equal(r.status, 200);
      if (r.body.state === 'active' && Number(r.body.progress) >= 15) active = r.body;
      else await new Promise((res) => setTimeout(res, 10));
    }
    assert.ok(active, 'never saw the scan active at the token-facts step');
    assert.deepEqual(Object.keys(active), ['id', 'state', 'progress', 'data']);
    assert.equal(active.id, id);
    assert.equal(typeof active.progress, 'string');
    assert.equal(active.progress, '15');
    assert.deepEqual(active.data, {});

    gate.open();
    const done = await pollUntilFinal(id);
    assert.equal(done.status, 200);
    const body = done.body;
    assert.deepEqual(Object.keys(body), ['id', 'state', 'progress', 'data']);
    assert.equal(body.id, id);
    assert.equal(body.state, 'completed');
    assert.equal(body.progress, 100);
    const data = body.data as Record<string, unknown>;
    for (const key of ['token', 'riskRating', 'unLaunched', 'scannedAt']) assert.ok(key in data, key);
    const token = data.token as Record<string, unknown>;
    assert.deepEqual(Object.keys(token), [
      'id',
      'name',
      'symbol',
      'decimals',
      'createdAt',
      'address',
      'network',
      'mainToken',
      'dexTitles',
    ]);
    assert.deepEqual(token, {
      id: 'clean-token',
      name: 'Clean Token',
      symbol: 'CLEAN',
      decimals: 18,
      createdAt: token.createdAt,
      address,
      network: 'anvil',
      mainToken: 'WETH',
      dexTitles: ['Uniswap v2'],
    });
    assert.match(String(token.createdAt), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.equal(data.riskRating, 10);
    assert.ok(Number.isInteger(data.riskRating));
    assert.equal(data.unLaunched, false);
    assert.equal(typeof data.scannedAt, 'number');
    assert.ok(Math.abs((data.scannedAt as number) - Date.now()) < 120_000, 'scannedAt is in milliseconds');
    assert.ok(Array.isArray(data.factors) && (data.factors as unknown[]).length > 10);
    assert.equal(data.riskLevel, 'low');
  });

  test('a symbol is accepted like an address and resolves to the token', async () => {
    gate.open();
    const r = await post('RUGR');
    assert.equal(r.status, 200);
    const done = await pollUntilFinal(r.body.id as string);
    const data = done.body.data as {
      token: { address: string };
      riskRating: number;
      factors: { id: string; status: string }[];
    };
    assert.equal(data.token.address, bed.tokens.unlockedLp?.address);
    assert.ok(data.riskRating >= 4 && data.riskRating <= 6);
    assert.equal(data.factors.find((f) => f.id === 'lp-unlocked')?.status, 'triggered');
  });

  test('the same request within the dedupe window returns the same id', async () => {
    gate.open();
    const whale = bed.tokens.whale?.address;
    assert.ok(whale);
    const a = await post(whale);
    const b = await post(whale.toLowerCase());
    assert.equal(a.body.id, b.body.id);
  });

  test('?details=true adds the evidence (pools, LP, holders, simulation)', async () => {
    gate.open();
    const r = await post(bed.tokens.moderateTax?.address as string);
    await pollUntilFinal(r.body.id as string);
    const res = await t.app.inject({
      method: 'GET',
      url: `${RESULT}${r.body.id}?details=true`,
      headers: { 'x-api-key': creds.apiKey },
    });
    const data = (res.json() as { data: { details: { simulation: { sellTax: number } } } }).data;
    assert.ok(Math.abs(data.details.simulation.sellTax - 10) <= 1);
  });
});

describe('the unified API', () => {
  test('POST /v1/scans with kind token runs the same engine', async () => {
    gate.open();
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/scans',
      headers: { 'content-type': 'application/json', 'x-api-key': creds.apiKey },
      payload: JSON.stringify({ kind: 'token', target: 'HONEY' }),
    });
    assert.ok(
      res.statusCode === 201 || res.statusCode === 202 || res.statusCode === 200,
      String(res.statusCode),
    );
    const id = (res.json() as { id: string }).id;
    const job = await t.runtime.jobs.waitFor(id, { timeoutMs: 60_000 });
    assert.equal(job.state, 'done');
    const result = job.result as { token: { address: string }; riskRating: number };
    assert.equal(result.token.address, bed.tokens.honeypot?.address);
    assert.ok(result.riskRating <= 1);
  });
});

describe('errors the seed documents', () => {
  test('missing, wrong and expired x-api-key → 406', async () => {
    const expired = await t.credentials(['reporter'], { expiresAt: Date.now() - 1000 });
    for (const key of [null, '', 'not-a-key', expired.apiKey]) {
      const r = await post(bed.tokens.clean?.address as string, key);
      assert.equal(r.status, 406, `key ${key}`);
      assert.deepEqual(r.body, {
        statusCode: 406,
        message: 'x-api-key is missing, invalid or expired',
        error: 'Not Acceptable',
      });
      const g = await get('whatever', key);
      assert.equal(g.status, 406);
    }
  });

  test('invalid symbol or address → 404', async () => {
    for (const target of ['NOSUCHTOKEN', bed.deployer, '0x1234', 'a/b']) {
      const r = await post(target);
      assert.equal(r.status, 404, target);
      assert.equal(r.body.statusCode, 404);
      assert.equal(r.body.error, 'Not Found');
      assert.match(String(r.body.message), /token-not-found/);
    }
  });

  test('unknown id, or another app’s id → 404', async () => {
    assert.equal((await get('nope')).status, 404);
    gate.open();
    const mine = await post(bed.tokens.mintable?.address as string);
    const other = await t.credentials(['reporter']);
    assert.equal((await get(mine.body.id as string, other.apiKey)).status, 404);
  });
});

describe('the failed path carries a reason', () => {
  test('a configured factory with no contract → failed, reason error-while-fetching-lp', async () => {
    const rt = await runtimeWith(
      tokenSection({
        dexes: [{ chainId: chain.chainId, title: 'Ghost swap', factory: bed.deployer, router: bed.router }],
      }),
    );
    try {
      const c = await rt.credentials(['reporter']);
      const r = await post(bed.tokens.clean?.address as string, c.apiKey, rt);
      assert.equal(r.status, 200);
      const failed = await pollUntilFinal(r.body.id as string, rt, c.apiKey);
      assert.deepEqual(Object.keys(failed.body), ['id', 'state', 'progress', 'reason', 'data']);
      assert.equal(failed.body.state, 'failed');
      assert.equal(failed.body.reason, 'error-while-fetching-lp');
      assert.equal(typeof failed.body.progress, 'number');
      assert.deepEqual(failed.body.data, {});
    } finally {
      await rt.close();
    }
  });

  test('an unreachable RPC → the request is accepted, then failed with reason rpc-unavailable', async () => {
    const rt = await runtimeWith(tokenSection(), 'http://127.0.0.1:1');
    try {
      const c = await rt.credentials(['reporter']);
      const r = await post(bed.tokens.clean?.address as string, c.apiKey, rt);
      assert.equal(r.status, 200);
      const failed = await pollUntilFinal(r.body.id as string, rt, c.apiKey);
      assert.equal(failed.body.state, 'failed');
      assert.equal(failed.body.reason, 'rpc-unavailable');
    } finally {
      await rt.close();
    }
  });
});
