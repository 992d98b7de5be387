import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Creds, makeTestRuntime, type TestRuntime } from '../helpers/runtime.js';

const post = (t: TestRuntime, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/scans',
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(payload),
  });

function assertError(
  res: { statusCode: number; json(): unknown; headers: Record<string, unknown> },
  status: number,
  code: string,
) {
  assert.equal(res.statusCode, status, `status for ${code}`);
  const body = res.json() as { error: { code: string; message: string; requestId: string } };
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
  assert.equal(body.error.requestId, res.headers['x-request-id']);
}

describe('unified API /v1/scans', () => {
  let t: TestRuntime;
  let reporter: Creds;
  before(async () => {
    t = await makeTestRuntime({ config: { server: { bodyLimit: 4096 } } });
    reporter = await t.credentials(['reporter']);
  });
  after(async () => t.close());

  describe('auth failures have the exact error shape', () => {
    it('missing credentials → 401 AUTH_MISSING', async () => {
      assertError(await post(t, {}, { kind: 'test', target: 'a' }), 401, 'AUTH_MISSING');
    });
    it('wrong key, token and secret → 401 AUTH_INVALID', async () => {
      assertError(
        await post(t, { 'x-api-key': 'vk_wrong' }, { kind: 'test', target: 'a' }),
        401,
        'AUTH_INVALID',
      );
      assertError(
        await post(t, { authorization: 'Bearer vt_wrong' }, { kind: 'test', target: 'a' }),
        401,
        'AUTH_INVALID',
      );
      assertError(
        await post(t, { 'api-key': reporter.key, 'api-secret': 'vas_wrong' }, { kind: 'test', target: 'a' }),
        401,
        'AUTH_INVALID',
      );
    });
    it('two methods at once → 400 AUTH_AMBIGUOUS', async () => {
      assertError(
        await post(
          t,
          { 'x-api-key': reporter.apiKey, authorization: `Bearer ${reporter.bearer}` },
          { kind: 'test', target: 'a' },
        ),
        400,
        'AUTH_AMBIGUOUS',
      );
    });
    it('revoked app → 401 AUTH_REVOKED', async () => {
      const c = await t.credentials(['reporter']);
      assert.equal(
        (await post(t, { 'x-api-key': c.apiKey }, { kind: 'test', target: 'rv' })).statusCode,
        202,
      );
      await t.runtime.auth.revokeApp(c.name);
      assertError(
        await post(t, { 'x-api-key': c.apiKey }, { kind: 'test', target: 'rv' }),
        401,
        'AUTH_REVOKED',
      );
    });
    it('expired app → 401 AUTH_EXPIRED', async () => {
      const c = await t.credentials(['reporter'], { expiresAt: Date.now() - 1 });
      assertError(
        await post(t, { authorization: `Bearer ${c.bearer}` }, { kind: 'test', target: 'a' }),
        401,
        'AUTH_EXPIRED',
      );
    });
    it('wrong role → 403 FORBIDDEN_ROLE', async () => {
      const viewer = await t.credentials(['viewer']);
      assertError(
        await post(t, { 'x-api-key': viewer.apiKey }, { kind: 'test', target: 'a' }),
        403,
        'FORBIDDEN_ROLE',
      );
    });
    it('over the lifetime quota → 429 QUOTA_EXCEEDED', async () => {
      const c = await t.credentials(['reporter'], { maxRequests: 2 });
      for (let i = 0; i < 2; i++) {
        assert.ok(
          [200, 202].includes(
            (await post(t, { 'x-api-key': c.apiKey }, { kind: 'test', target: 'q' })).statusCode,
          ),
        );
      }
      assertError(
        await post(t, { 'x-api-key': c.apiKey }, { kind: 'test', target: 'q' }),
        429,
        'QUOTA_EXCEEDED',
      );
    });
    it('over the rate → 429 RATE_LIMITED', async () => {
      const c = await t.credentials(['reporter'], { ratePerMinute: 3 });
      for (let i = 0; i < 3; i++) await post(t, { 'x-api-key': c.apiKey }, { kind: 'test', target: 'r' });
      assertError(
        await post(t, { 'x-api-key': c.apiKey }, { kind: 'test', target: 'r' }),
        429,
        'RATE_LIMITED',
      );
    });
  });

  describe('scans', () => {
    it('creates (202), dedupes (200), reads with result, lists and cancels', async () => {
      const h = { authorization: `Bearer ${reporter.bearer}` };
      const created = await post(t, h, { kind: 'test', target: 'life', options: { durationMs: 30 } });
      assert.equal(created.statusCode, 202);
      const scan = created.json() as { id: string; state: string };
      const again = await post(t, h, { kind: 'test', target: 'life', options: { durationMs: 30 } });
      assert.equal(again.statusCode, 200);
      assert.equal((again.json() as { id: string }).id, scan.id);
      await t.runtime.jobs.waitFor(scan.id, { timeoutMs: 5_000 });
      const got = await t.app.inject({ method: 'GET', url: `/v1/scans/${scan.id}`, headers: h });
      assert.equal(got.statusCode, 200);
      const body = got.json() as { state: string; progress: number; result: { target: string } };
      assert.equal(body.state, 'done');
      assert.equal(body.progress, 100);
      assert.equal(body.result.target, 'life');
      const list = await t.app.inject({ method: 'GET', url: '/v1/scans?kind=test&limit=2', headers: h });
      assert.equal(list.statusCode, 200);
      assert.ok((list.json() as { scans: unknown[] }).scans.length >= 1);
      const cancel = await t.app.inject({ method: 'POST', url: `/v1/scans/${scan.id}/cancel`, headers: h });
      assertError(cancel, 409, 'JOB_NOT_CANCELLABLE');
    });

    it("hides other apps' scans from reporters but not from viewers", async () => {
      const other = await t.credentials(['reporter']);
      const viewer = await t.credentials(['viewer']);
      const created = await post(t, { 'x-api-key': other.apiKey }, { kind: 'test', target: 'private' });
      const id = (created.json() as { id: string }).id;
      assertError(
        await t.app.inject({
          method: 'GET',
          url: `/v1/scans/${id}`,
          headers: { 'x-api-key': reporter.apiKey },
        }),
        404,
        'JOB_NOT_FOUND',
      );
      const seen = await t.app.inject({
        method: 'GET',
        url: `/v1/scans/${id}`,
        headers: { 'x-api-key': viewer.apiKey },
      });
      assert.equal(seen.statusCode, 200);
    });

    it('validates input with stable codes', async () => {
      const h = { 'x-api-key': reporter.apiKey };
      assertError(await post(t, h, { kind: 'test' }), 400, 'VALIDATION_FAILED');
      assertError(await post(t, h, { kind: 'nope', target: 'x' }), 400, 'UNKNOWN_KIND');
      assertError(await post(t, h, { kind: 'test', target: 'bad target!' }), 400, 'INVALID_TARGET');
      const malformed = await t.app.inject({
        method: 'POST',
        url: '/v1/scans',
        headers: { 'content-type': 'application/json', ...h },
        payload: '{"kind": "test",',
      });
      assertError(malformed, 400, 'MALFORMED_JSON');
      assertError(await post(t, h, { kind: 'test', target: 'x'.repeat(5000) }), 413, 'PAYLOAD_TOO_LARGE');
      assertError(await t.app.inject({ method: 'GET', url: '/v1/nothing-here' }), 404, 'NOT_FOUND');
    });
  });

  describe('operations', () => {
    it('serves health, readiness, metrics and the OpenAPI document', async () => {
      assert.equal((await t.app.inject({ url: '/healthz' })).statusCode, 200);
      const ready = await t.app.inject({ url: '/readyz' });
      assert.deepEqual(ready.json(), { status: 'ready', checks: { store: 'ok', queue: 'ok' } });
      const metrics = await t.app.inject({ url: '/metrics' });
      assert.match(metrics.body, /vigil_jobs\{kind="test",state="done"\}/);
      assert.match(metrics.body, /vigil_http_request_duration_seconds_bucket/);
      const doc = (await t.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
      assert.ok(doc.paths['/v1/scans'] && doc.paths['/v1/scans/{id}']);
    });
  });
});
