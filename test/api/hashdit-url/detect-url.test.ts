// The HashDit-compatible URL face end to end: signed requests, sync answers, polling, every code.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { UrlDetectEnvelope } from '../../../src/api/hashdit-url/envelope.js';
import { hashditUrlFace } from '../../../src/api/hashdit-url/index.js';
import type { Engine } from '../../../src/core/engine.js';
import { VigilError } from '../../../src/core/errors.js';
import { createTargetPolicy } from '../../../src/core/net/target-policy.js';
import { createSafeFetcher } from '../../../src/engines/url/fetch/safe-fetch.js';
import { createUrlEngine, isUrlEngine, type UrlEngine } from '../../../src/engines/url/index.js';
import {
  FIXTURES,
  localBootstrap,
  loopbackResolver,
  portedFetcher,
  type Servers,
  startServers,
} from '../../engines/url/helpers.js';
import { type Creds, makeTestRuntime, type TestRuntime } from '../../helpers/runtime.js';
import { postSigned, type SignedPostOptions, signedHeaders } from '../../helpers/signing-client.js';

const PATH = '/security-api/public/chain/v1/detect/url';
let servers: Servers;
let t: TestRuntime;
let creds: Creds;
let engine: UrlEngine;

before(async () => {
  servers = await startServers();
  t = await makeTestRuntime({
    engines: (ctx) => {
      const policy = createTargetPolicy({ allow: ['127.0.0.0/8'], deny: [] }, { resolver: loopbackResolver });
      const fetch = portedFetcher(servers, createSafeFetcher(policy, { timeoutMs: 2_000 }));
      return [
        createUrlEngine(ctx, {
          fetch,
          rdapBootstrap: localBootstrap(servers),
          startFeedRefresh: false,
        }) as Engine,
      ];
    },
    faces: [hashditUrlFace],
    config: { url: { rdapTimeoutMs: 1_000 }, jobs: { dedupeWindowMs: 60_000 } },
  });
  const e = t.runtime.engines.get('url');
  assert.ok(isUrlEngine(e));
  engine = e;
  await engine.analyzer.importFeed({
    source: path.join(FIXTURES, 'feed-eth-phishing-detect.json'),
    category: 'phishing',
  });
  creds = await t.credentials(['reporter']);
});
after(async () => {
  engine?.close();
  await t?.close();
  await servers?.close();
});

interface CallOptions extends SignedPostOptions {
  creds?: { hmacAppId: string; hmacSecret: string };
}

async function call(payload: unknown, options: CallOptions = {}): Promise<UrlDetectEnvelope> {
  const r = await postSigned(t.app, PATH, payload, options.creds ?? creds, options);
  assert.equal(r.status, 200);
  return r.body as UrlDetectEnvelope;
}

async function poll(payload: unknown): Promise<{ first: UrlDetectEnvelope; last: UrlDetectEnvelope }> {
  const first = await call(payload);
  let last = first;
  for (let i = 0; i < 100 && last.status === 'OK' && last.data && !last.data.has_result; i++) {
    await new Promise((r) => setTimeout(r, 50));
    last = await call(payload);
  }
  return { first, last };
}

describe('POST /security-api/public/chain/v1/detect/url', () => {
  it('a feed-listed site is answered synchronously, all four seed spellings alike', async () => {
    const answers = [];
    for (const url of [
      'http://pancakak.com/',
      'Pancakak.com',
      'PANCAKAK.COM',
      'http://a.b.pancakak.com/abc',
    ]) {
      const r = await call({ url });
      assert.equal(r.status, 'OK');
      assert.equal(r.code, '00000');
      assert.equal(r.data?.has_result, true);
      assert.equal(r.data?.polling_interval, null);
      assert.match(r.data?.request_id ?? '', /.+/);
      answers.push([r.data?.risk_level, r.data?.risk_detail]);
    }
    for (const a of answers) assert.deepEqual(a, answers[0]);
    assert.deepEqual(answers[0], [
      5,
      [{ name: 'phishing_report', value: 'The website has been reported to be phishing lures.' }],
    ]);
  });

  it('a look-alike is answered from fast checks first, then polled until content and RDAP are done', async () => {
    const { first, last } = await poll({ url: 'uniswap-claim.xyz' });
    assert.equal(first.data?.has_result, false);
    assert.equal(first.data?.polling_interval, 2000);
    assert.equal(first.data?.risk_level, 3);
    assert.deepEqual(
      first.data?.risk_detail?.map((d) => d.name),
      ['similarity_detection'],
    );
    assert.equal(last.data?.has_result, true);
    assert.equal(last.data?.request_id, first.data?.request_id, 'the job id is the request id while polling');
    const names = last.data?.risk_detail?.map((d) => d.name) ?? [];
    assert.ok(names.includes('phishing_detection'), names.join());
    assert.ok(names.includes('owner_verification'), names.join());
    assert.equal(last.data?.risk_level, 5);
  });

  it('an official domain needs no slow checks', async () => {
    const r = await call({ url: 'https://app.uniswap.org/swap' });
    assert.deepEqual([r.data?.has_result, r.data?.risk_level, r.data?.risk_detail], [true, 0, []]);
  });

  it('invalid input: risk_level -1 with a message', async () => {
    for (const payload of [{ url: 'javascript:alert(1)' }, { url: '' }, { nope: 1 }, { url: 42 }]) {
      const r = await call(payload);
      assert.equal(r.status, 'OK');
      assert.equal(r.data?.risk_level, -1, JSON.stringify(payload));
      assert.equal(r.data?.has_result, true);
      assert.match(r.message ?? '', /invalid url/);
    }
    const malformed = await call(null, { body: '{"url": ' });
    assert.equal(malformed.data?.risk_level, -1);
    assert.match(malformed.message ?? '', /JSON/);
  });

  describe('00001 signature errors with sub-reasons', () => {
    const cases: [string, CallOptions, string][] = [
      [
        'missing headers',
        { headers: (h) => ({ ...h, 'X-Signature-nonce': '' }) },
        'appid, timestamp, nonce, signature headers can not be null or empty',
      ],
      [
        'illegal nonce',
        { headers: (h) => ({ ...h, 'X-Signature-nonce': 'not-a-nonce!' }) },
        'nonce is illegal',
      ],
      [
        'illegal timestamp',
        { headers: (h) => ({ ...h, 'X-Signature-timestamp': 'yesterday' }) },
        'timestamp has illegal',
      ],
      [
        'expired timestamp',
        { headers: (h) => ({ ...h, 'X-Signature-timestamp': String(Date.now() - 3_600_000) }) },
        'timestamp is expired',
      ],
      ['unknown appid', { headers: (h) => ({ ...h, 'X-Signature-appid': 'nobody' }) }, 'invalid appid'],
      [
        'wrong signature',
        { headers: (h) => ({ ...h, 'X-Signature-signature': 'ab'.repeat(32) }) },
        'invalid signature',
      ],
    ];
    for (const [name, options, reason] of cases) {
      it(name, async () => {
        const r = await call({ url: 'example.com' }, options);
        assert.deepEqual(
          [r.status, r.code, r.message, r.data],
          ['ERROR', '00001', `verify signature error: ${reason}`, null],
        );
      });
    }
    it('replay request', async () => {
      const body = JSON.stringify({ url: 'example.com' });
      const headers = signedHeaders({
        appId: creds.hmacAppId,
        secret: creds.hmacSecret,
        method: 'POST',
        path: PATH,
        body,
      });
      assert.equal((await call(null, { body, headers: () => headers })).code, '00000');
      const again = await call(null, { body, headers: () => headers });
      assert.deepEqual([again.code, again.message], ['00001', 'verify signature error: replay request']);
    });
    it('app is out of count limit', async () => {
      const limited = await t.credentials(['reporter'], { maxRequests: 1 });
      assert.equal((await call({ url: 'example.com' }, { creds: limited })).code, '00000');
      const r = await call({ url: 'example.com' }, { creds: limited });
      assert.deepEqual([r.code, r.message], ['00001', 'verify signature error: app is out of count limit']);
    });
    it('a malformed body with a bad signature is a signature error first', async () => {
      const r = await call(null, {
        body: '{oops',
        headers: (h) => ({ ...h, 'X-Signature-signature': 'ab'.repeat(32) }),
      });
      assert.equal(r.code, '00001');
    });
  });

  it('00002 when verifying the signature fails for another reason', async () => {
    const original = t.runtime.auth.authenticateSigned.bind(t.runtime.auth);
    t.runtime.auth.authenticateSigned = async () => {
      throw new Error('nonce store down');
    };
    try {
      const r = await call({ url: 'example.com' });
      assert.deepEqual(
        [r.status, r.code, r.message],
        ['ERROR', '00002', 'unknown server error occurred during verifying signature'],
      );
    } finally {
      t.runtime.auth.authenticateSigned = original;
    }
  });

  it('00003 when detection fails', async () => {
    const run = engine.run;
    engine.run = async () => {
      throw new VigilError('ENGINE_FAILED', 'boom');
    };
    try {
      const { last } = await poll({ url: 'some-unlisted-site.org' });
      assert.equal(last.status, 'ERROR');
      assert.equal(last.code, '00003');
      assert.match(last.message ?? '', /unknown server error occurred during detection/);
    } finally {
      engine.run = run;
    }
  });
});
