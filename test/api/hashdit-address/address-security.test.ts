// The HashDit-compatible face end to end: signed requests, sync/async polling on a real anvil, every code.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Address } from 'viem';
import type { AddressSecurityEnvelope } from '../../../src/api/hashdit-address/envelope.js';
import { hashditAddressFace } from '../../../src/api/hashdit-address/index.js';
import { createAddressEngine } from '../../../src/engines/address/engine.js';
import { type AddressFixture, setupAddressFixture } from '../../engines/address/setup.js';
import { type Creds, makeTestRuntime, type TestRuntime } from '../../helpers/runtime.js';
import { postSigned, type SignedPostOptions, signedHeaders } from '../../helpers/signing-client.js';

const PATH = '/api/v1/address-security';
const DEAD_CHAIN = 999_001;

let fx: AddressFixture;
let t: TestRuntime;
let creds: Creds;

before(async () => {
  fx = await setupAddressFixture();
  t = await makeTestRuntime({
    engines: (ctx) => [createAddressEngine(ctx)],
    faces: [hashditAddressFace],
    config: {
      chains: [
        fx.chainConfig(),
        // Nothing listens on port 1: scans on this chain fail (detection error).
        { id: DEAD_CHAIN, name: 'dead', rpcUrls: ['http://127.0.0.1:1'] },
      ],
      address: { pollingIntervalMs: 250, cacheTtlMs: 60_000 },
    },
  });
  creds = await t.credentials(['reporter']);
});
after(async () => {
  await t?.close();
  await fx?.close();
});

interface CallOptions extends SignedPostOptions {
  creds?: { hmacAppId: string; hmacSecret: string };
}

async function call(
  payload: unknown,
  options: CallOptions = {},
): Promise<{ status: number; body: AddressSecurityEnvelope }> {
  const r = await postSigned(t.app, PATH, payload, options.creds ?? creds, options);
  return { status: r.status, body: r.body as AddressSecurityEnvelope };
}

/** Polls the same request, as a client of the seed does, until has_result is true. */
async function poll(
  payload: unknown,
  options: CallOptions = {},
): Promise<{ first: AddressSecurityEnvelope; last: AddressSecurityEnvelope; polls: number }> {
  const first = (await call(payload, options)).body;
  let last = first;
  let polls = 1;
  while (last.status === 'OK' && last.data && !last.data.has_result && polls < 200) {
    await new Promise((r) => setTimeout(r, Math.min(last.data?.polling_interval ?? 100, 100)));
    last = (await call(payload, options)).body;
    polls += 1;
  }
  return { first, last, polls };
}

function assertError(
  res: { status: number; body: AddressSecurityEnvelope },
  code: string,
  message: RegExp,
): void {
  assert.equal(res.status, 200);
  assert.equal(res.body.status, 'ERROR');
  assert.equal(res.body.code, code);
  assert.match(res.body.message ?? '', message);
  assert.equal(res.body.data, null);
}

describe('POST /api/v1/address-security', () => {
  it('000000000: async answer first, then the cached result on a later poll', async () => {
    const payload = { chain_id: fx.anvil.chainId, address: fx.deployed.hiddenOwner };
    const { first, last, polls } = await poll(payload);
    assert.deepEqual(Object.keys(first), ['status', 'code', 'data']);
    assert.equal(first.status, 'OK');
    assert.equal(first.code, '000000000');
    assert.equal(first.data?.has_result, false);
    assert.equal(first.data?.polling_interval, 250);
    assert.equal(first.data?.address_type, null);
    assert.equal(first.data?.risk_details, null);
    assert.equal(first.data?.trust_score, -1);
    assert.ok(Math.abs((first.data?.scanned_ts ?? 0) - Date.now() / 1000) < 60);
    assert.ok(polls >= 2);
    assert.equal(last.code, '000000000');
    assert.equal(last.data?.has_result, true);
    assert.equal(last.data?.polling_interval, null);
    assert.equal(last.data?.address_type, 'Contract');
    assert.equal(last.data?.trust_score, 40);
    const hidden = last.data?.risk_details?.find((d) => d.name === 'hidden_owner');
    assert.deepEqual(hidden, {
      name: 'hidden_owner',
      value: 'true',
      risk_level: 'MEDIUM_RISK',
      risk_desc:
        'The ability to hide the ownership of a contract can be used to manipulate the blockchain data.',
    });
  });

  it('000000000: a fresh cached result answers synchronously, for any app, with chain_id as a string too', async () => {
    const other = await t.credentials(['reporter']);
    const res = await call(
      { chain_id: String(fx.anvil.chainId), address: fx.deployed.hiddenOwner.toLowerCase() },
      { creds: other },
    );
    assert.equal(res.body.data?.has_result, true);
    assert.equal(res.body.data?.trust_score, 40);
  });

  it('an EOA polls to a result with address_type EOA', async () => {
    const { last } = await poll({ chain_id: fx.anvil.chainId, address: fx.freshEoa });
    assert.equal(last.data?.address_type, 'EOA');
    assert.equal(last.data?.trust_score, 95);
  });

  it('000001: detection error when the chain cannot be read', async () => {
    const { last } = await poll({ chain_id: DEAD_CHAIN, address: fx.freshEoa });
    assert.equal(last.status, 'ERROR');
    assert.equal(last.code, '000001');
    assert.match(last.message ?? '', /unknown server error occurred during detection/);
  });

  it('000002: per-minute request limit', async () => {
    const limited = await t.credentials(['reporter'], { ratePerMinute: 1 });
    const payload = { chain_id: fx.anvil.chainId, address: fx.freshEoa };
    assert.equal((await call(payload, { creds: limited })).body.code, '000000000');
    assertError(await call(payload, { creds: limited }), '000002', /Number of requests exceeded limit/);
  });

  it('000003: unknown appId', async () => {
    assertError(
      await call(
        { chain_id: 1, address: fx.freshEoa },
        { creds: { hmacAppId: 'no-such-app-0001', hmacSecret: 'x' } },
      ),
      '000003',
      /unknown appId/,
    );
  });

  it('000004: X-Signature-signature header null', async () => {
    assertError(
      await call(
        { chain_id: 1, address: fx.freshEoa },
        { headers: ({ 'X-Signature-signature': _, ...h }) => h },
      ),
      '000004',
      /X-Signature-signature header can't be null/,
    );
  });

  describe('000005: verify signature error, with the sub-reason', () => {
    const payload = () => ({ chain_id: fx.anvil.chainId, address: fx.freshEoa });
    it('headers null or empty', async () => {
      assertError(
        await call(payload(), { headers: (h) => ({ ...h, 'X-Signature-nonce': '' }) }),
        '000005',
        /appid, timestamp, nonce, signature headers can not be null or empty/,
      );
    });
    it('nonce is illegal', async () => {
      assertError(
        await call(payload(), { headers: (h) => ({ ...h, 'X-Signature-nonce': 'not a nonce!' }) }),
        '000005',
        /nonce is illegal/,
      );
    });
    it('timestamp has illegal', async () => {
      assertError(
        await call(payload(), { headers: (h) => ({ ...h, 'X-Signature-timestamp': 'yesterday' }) }),
        '000005',
        /timestamp has illegal/,
      );
    });
    it('timestamp is expired', async () => {
      const old = String(Date.now() - 60 * 60_000);
      const body = JSON.stringify(payload());
      const headers = signedHeaders({
        appId: creds.hmacAppId,
        secret: creds.hmacSecret,
        method: 'POST',
        path: PATH,
        body,
        timestamp: old,
      });
      assertError(await call(payload(), { headers: () => headers }), '000005', /timestamp is expired/);
    });
    it('invalid appid (revoked app)', async () => {
      const revoked = await t.credentials(['reporter']);
      await t.runtime.auth.revokeApp(revoked.name);
      assertError(await call(payload(), { creds: revoked }), '000005', /invalid appid/);
    });
    it('appid has expired', async () => {
      const expired = await t.credentials(['reporter'], { expiresAt: Date.now() - 1000 });
      assertError(await call(payload(), { creds: expired }), '000005', /appid has expired/);
    });
    it('invalid signature', async () => {
      assertError(
        await call(payload(), { creds: { hmacAppId: creds.hmacAppId, hmacSecret: 'wrong-secret' } }),
        '000005',
        /invalid signature/,
      );
    });
    it('invalid signature when the body was changed after signing', async () => {
      const signedBody = JSON.stringify(payload());
      const headers = signedHeaders({
        appId: creds.hmacAppId,
        secret: creds.hmacSecret,
        method: 'POST',
        path: PATH,
        body: signedBody,
      });
      assertError(
        await call(null, {
          body: JSON.stringify({ ...payload(), address: fx.deployed.clean }),
          headers: () => headers,
        }),
        '000005',
        /invalid signature/,
      );
    });
    it('replay request', async () => {
      const body = JSON.stringify(payload());
      const headers = signedHeaders({
        appId: creds.hmacAppId,
        secret: creds.hmacSecret,
        method: 'POST',
        path: PATH,
        body,
      });
      assert.equal((await call(null, { body, headers: () => headers })).body.code, '000000000');
      assertError(await call(null, { body, headers: () => headers }), '000005', /replay request/);
    });
    it('app is out of count limit', async () => {
      const capped = await t.credentials(['reporter'], { maxRequests: 1 });
      assert.equal((await call(payload(), { creds: capped })).body.code, '000000000');
      assertError(await call(payload(), { creds: capped }), '000005', /app is out of count limit/);
    });
  });

  describe('000006: invalid request, same envelope', () => {
    it('invalid address', async () => {
      assertError(
        await call({ chain_id: fx.anvil.chainId, address: '0x1234' }),
        '000006',
        /not an EVM address/,
      );
    });
    it('unsupported chain_id', async () => {
      assertError(
        await call({ chain_id: 424242, address: fx.freshEoa }),
        '000006',
        /chain_id 424242 is not configured/,
      );
    });
    it('missing fields', async () => {
      assertError(await call({ address: fx.freshEoa }), '000006', /chain_id/);
    });
    it('malformed JSON', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: PATH,
        headers: { 'content-type': 'application/json' },
        payload: '{"chain_id": 1,',
      });
      assert.equal((res.json() as AddressSecurityEnvelope).code, '000006');
    });
  });

  it('the same scan is reachable through /v1/scans (kind address)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/scans',
      headers: { 'content-type': 'application/json', 'x-api-key': creds.apiKey },
      payload: JSON.stringify({
        kind: 'address',
        target: `eip155:${fx.anvil.chainId}:${fx.deployed.mintable}`,
      }),
    });
    assert.equal(res.statusCode, 202, res.body);
    const id =
      (res.json() as { id?: string; job?: { id: string } }).id ??
      (res.json() as { job: { id: string } }).job.id;
    const job = await t.runtime.jobs.waitFor(id, { timeoutMs: 30_000 });
    assert.equal(job.state, 'done');
    assert.equal((job.result as { trust_score: number }).trust_score, 70);
  });
});

export type { Address };
