import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { computeSignature, SIGNATURE_HEADERS } from '../../src/core/auth/signature.js';
import type { Job } from '../../src/core/jobs/types.js';
import { type Creds, makeTestRuntime, type TestRuntime } from '../helpers/runtime.js';
import {
  dropRedisPrefix,
  dropSchema,
  pgUrlWithSchema,
  REDIS_URL,
  scaleSkip,
  uniqueName,
} from './services.js';

/**
 * Scale-out mode inside one test process: two API runtimes and one worker
 * runtime, each with its own PostgreSQL pool and Redis connections (as
 * separate processes would have), sharing one schema and one key prefix.
 */
describe('scale-out runtime: api + api + worker on PostgreSQL and BullMQ', async () => {
  const skip = await scaleSkip();
  const schema = uniqueName('rt');
  const prefix = uniqueName('rt');
  let api1: TestRuntime;
  let api2: TestRuntime;
  let worker: TestRuntime;
  let creds: Creds;

  before(async () => {
    if (skip) return;
    const config = (role: string) => ({
      store: pgUrlWithSchema(schema),
      queue: `${REDIS_URL}?prefix=${prefix}&lockMs=3000&stalledMs=1000`,
      role,
      auth: { secretKey: randomKey },
      jobs: { kinds: { test: { timeoutMs: 1500, concurrency: 4 } } },
    });
    const randomKey = randomBytes(32).toString('hex');
    api1 = await makeTestRuntime({ config: config('api') });
    api2 = await makeTestRuntime({ config: config('api') });
    worker = await makeTestRuntime({ config: config('worker') });
    creds = await api1.credentials(['reporter', 'viewer']);
  });

  after(async () => {
    if (skip) return;
    await Promise.all([api1?.close(), api2?.close(), worker?.close()]);
    await dropSchema(schema);
    await dropRedisPrefix(prefix);
  });

  const submit = async (rt: TestRuntime, body: Record<string, unknown>, key = creds.apiKey) =>
    rt.app.inject({ method: 'POST', url: '/v1/scans', headers: { 'x-api-key': key }, payload: body });

  const finalState = (rt: TestRuntime, id: string): Promise<Job> =>
    rt.runtime.jobs.waitFor(id, { timeoutMs: 20_000 });

  test('runtimes use the scale-out back ends', { skip }, () => {
    assert.equal(api1.runtime.db.dialect, 'postgres');
    assert.equal(api1.runtime.queue.name, 'bullmq');
  });

  test('a scan submitted to one API runs on the worker and is read back from the other API', {
    skip,
  }, async () => {
    const res = await submit(api1, { kind: 'test', target: 'hello', options: { durationMs: 30 } });
    assert.equal(res.statusCode, 202, res.body);
    const { id } = res.json() as { id: string };
    const job = await finalState(api2, id);
    assert.equal(job.state, 'done');
    const read = await api2.app.inject({
      method: 'GET',
      url: `/v1/scans/${id}`,
      headers: { 'x-api-key': creds.apiKey },
    });
    assert.equal(read.statusCode, 200);
    assert.equal((read.json() as { result: { target: string } }).result.target, 'hello');
  });

  test('a signed request replayed against the second API process is refused', { skip }, async () => {
    const timestamp = String(Date.now());
    const nonce = randomBytes(8).toString('hex');
    const input = {
      appId: creds.hmacAppId,
      timestamp,
      nonce,
      method: 'POST',
      path: '/x',
      query: '',
      body: '{}',
    };
    const signed = {
      method: 'POST',
      path: '/x',
      query: '',
      body: '{}',
      headers: {
        [SIGNATURE_HEADERS.appId]: creds.hmacAppId,
        [SIGNATURE_HEADERS.timestamp]: timestamp,
        [SIGNATURE_HEADERS.nonce]: nonce,
        [SIGNATURE_HEADERS.signature]: computeSignature(creds.hmacSecret, input),
      },
    };
    const principal = await api1.runtime.auth.authenticateSigned(signed);
    assert.equal(principal.appId, creds.appId);
    await assert.rejects(api2.runtime.auth.authenticateSigned(signed), { code: 'SIGNATURE_REPLAYED' });
    await assert.rejects(api1.runtime.auth.authenticateSigned(signed), { code: 'SIGNATURE_REPLAYED' });
  });

  test('the per-app rate limit is shared by both API processes', { skip }, async () => {
    const limited = await api1.credentials(['reporter', 'viewer'], { ratePerMinute: 4 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const rt = i % 2 === 0 ? api1 : api2;
      const res = await rt.app.inject({
        method: 'GET',
        url: '/v1/scans',
        headers: { 'x-api-key': limited.apiKey },
      });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
  });

  test('identical scans submitted at once to both APIs become one job (shared dedupe window)', {
    skip,
  }, async () => {
    const body = { kind: 'test', target: 'same-target', options: { durationMs: 20 } };
    const results = await Promise.all([
      submit(api1, body),
      submit(api2, body),
      submit(api1, body),
      submit(api2, body),
    ]);
    const ids = new Set(results.map((r) => (r.json() as { id: string }).id));
    assert.equal(ids.size, 1);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 200, 200, 202]);
  });

  test('cancel through the other API aborts the job on the worker', { skip }, async () => {
    const res = await submit(api1, {
      kind: 'test',
      target: 'to-cancel',
      options: { durationMs: 1200, steps: 12 },
    });
    const { id } = res.json() as { id: string };
    // Wait until the worker reports progress, i.e. the engine is running there.
    const end = Date.now() + 10_000;
    while (((await api2.runtime.jobs.get(id))?.progress ?? 0) === 0 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const cancel = await api2.app.inject({
      method: 'POST',
      url: `/v1/scans/${id}/cancel`,
      headers: { 'x-api-key': creds.apiKey },
    });
    assert.equal(cancel.statusCode, 200, cancel.body);
    const job = await finalState(api1, id);
    assert.equal(job.state, 'failed');
    assert.equal(job.failureCode, 'CANCELLED');
    // The worker stopped the engine: no late result overwrites the cancellation.
    await new Promise((r) => setTimeout(r, 1400));
    const later = await api1.runtime.jobs.get(id);
    assert.equal(later?.state, 'failed');
    assert.ok((later?.progress ?? 100) < 100, 'engine was aborted before finishing');
  });

  test('a transient failure is retried with backoff through the queue', { skip }, async () => {
    const res = await submit(api2, {
      kind: 'test',
      target: 'flaky',
      options: { durationMs: 10, fail: 'transient', succeedOnAttempt: 2 },
    });
    const job = await finalState(api1, (res.json() as { id: string }).id);
    assert.equal(job.state, 'done');
    assert.equal(job.attempts, 2);
    assert.equal((job.result as { attempt: number }).attempt, 2);
  });

  test('a job over its time limit fails JOB_TIMEOUT', { skip }, async () => {
    const res = await submit(api1, { kind: 'test', target: 'slow', options: { durationMs: 5000 } });
    const job = await finalState(api2, (res.json() as { id: string }).id);
    assert.equal(job.state, 'failed');
    assert.equal(job.failureCode, 'JOB_TIMEOUT');
  });

  test('queue depth is visible cluster-wide from an API process', { skip }, async () => {
    const depth = await api1.runtime.queue.depth();
    assert.ok(depth.test, 'the test kind queue is known');
    assert.equal(typeof depth.test.waiting, 'number');
  });
});
