/**
 * Cached address-security lookup under load, against a bare Fastify route in the same run.
 *
 *   npx tsx bench/address/cached-lookup.ts [--duration 5] [--connections 10]
 *
 * Starts a local anvil (loopback), deploys the hidden-owner fixture, warms the cache
 * with one polled scan, then runs autocannon on 127.0.0.1 against:
 *   1. baseline: a bare Fastify route answering the same JSON body;
 *   2. POST /api/v1/address-security with a fresh HMAC signature and nonce per request
 *      (full path: signature check, nonce store, rate limiter, cache lookup in SQLite).
 * Prints p50/p99 latency and throughput of both, and the ratios.
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { hashditAddressFace } from '../../src/api/hashdit-address/index.js';
import { createAddressEngine } from '../../src/engines/address/engine.js';
import { setupAddressFixture } from '../../test/engines/address/setup.js';
import { makeTestRuntime } from '../../test/helpers/runtime.js';
import { signedHeaders } from '../../test/helpers/signing-client.js';

const PATH = '/api/v1/address-security';
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const duration = Math.min(arg('duration', 5), 30);
const connections = arg('connections', 10);

interface Summary {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  non2xx: number;
}

async function run(opts: autocannon.Options): Promise<Summary> {
  const result = await autocannon({ ...opts, duration, connections });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

const fx = await setupAddressFixture();
const t = await makeTestRuntime({
  engines: (ctx) => [createAddressEngine(ctx)],
  faces: [hashditAddressFace],
  config: { chains: [fx.chainConfig()], quotas: { defaultRatePerMinute: 100_000_000 } },
});
try {
  const creds = await t.credentials(['reporter'], { ratePerMinute: 100_000_000 });
  const body = JSON.stringify({ chain_id: fx.anvil.chainId, address: fx.deployed.hiddenOwner });
  const sign = () =>
    signedHeaders({ appId: creds.hmacAppId, secret: creds.hmacSecret, method: 'POST', path: PATH, body });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

  // Warm: poll until the scan is cached.
  let answer = '';
  for (let i = 0; i < 200; i += 1) {
    const res = await fetch(`${url}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sign() },
      body,
    });
    answer = await res.text();
    if ((JSON.parse(answer) as { data?: { has_result?: boolean } }).data?.has_result) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!answer.includes('"has_result":true')) throw new Error(`scan never finished: ${answer}`);

  const bare = Fastify();
  bare.post(PATH, async (_req, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').send(answer),
  );
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;

  const baseline = await run({
    url: `${bareUrl}${PATH}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  let notOk = 0;
  const vigil = await run({
    url: `${url}${PATH}`,
    requests: [
      {
        method: 'POST',
        path: PATH,
        setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json', ...sign() }, body }),
        // Every answer must be the cached result, not an envelope error.
        onResponse: (_status, resBody) => {
          if (!resBody.includes('"code":"000000000"') || !resBody.includes('"has_result":true')) notOk += 1;
        },
      },
    ],
  });
  await bare.close();

  const fmt = (s: Summary) =>
    `p50 ${s.p50} ms, p99 ${s.p99} ms, ${Math.round(s.rps)} req/s (errors ${s.errors}, non-2xx ${s.non2xx})`;
  // autocannon reports whole milliseconds: a 0 ms baseline makes a ratio meaningless.
  const ratio = (a: number, b: number): string =>
    b > 0 ? `x${(a / b).toFixed(2)}` : `n/a (baseline ${b} ms)`;
  console.log(`cached address lookup, ${connections} connections, ${duration} s each, loopback`);
  console.log(`  baseline bare Fastify route : ${fmt(baseline)}`);
  console.log(`  /api/v1/address-security    : ${fmt(vigil)}`);
  console.log(
    `  ratio vigil/baseline        : p50 ${ratio(vigil.p50, baseline.p50)}, p99 ${ratio(vigil.p99, baseline.p99)}, throughput x${(vigil.rps / baseline.rps).toFixed(2)}`,
  );
  console.log(`  response bytes: ${answer.length}; answers that were not the cached result: ${notOk}`);
} finally {
  await t.close();
  await fx.close();
}
