import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { threatwindsFace } from '../../../src/api/threatwinds/index.js';
import { verifyWebhook } from '../../../src/core/webhooks/standard-webhooks.js';
import { createHostEngine } from '../../../src/engines/host/index.js';
import { days, makeCert } from '../../engines/host/certs.js';
import { type Running, startHttp, startHttps } from '../../engines/host/servers.js';
import { type Creds, makeTestRuntime, type TestRuntime } from '../../helpers/runtime.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A loopback webhook receiver answering with the given status codes in turn (then the last one). */
async function receiver(
  statuses: number[],
): Promise<{ url: string; calls: Received[]; close(): Promise<void> }> {
  const calls: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      calls.push({ headers: req.headers, body, at: Date.now() });
      res.statusCode = statuses[Math.min(calls.length - 1, statuses.length - 1)] as number;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const entityIdOf = (type: string, value: string) =>
  `${type}-${createHash('sha3-256').update(value.toLowerCase()).digest('hex')}`;

async function until<T>(fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function assertTwError(res: LightMyRequestResponse, status: number): void {
  assert.equal(res.statusCode, status, res.body);
  assert.ok(res.headers['x-error'], 'x-error header');
  assert.match(String(res.headers['x-error-id']), /^[0-9a-f-]{36}$/);
}

describe('ThreatWinds-compatible ingest and analytics', () => {
  let t: TestRuntime;
  let reporter: Creds;
  let viewer: Creds;
  let httpServer: Running;
  let httpsServer: Running;
  const bearer = (c: Creds) => ({ authorization: `Bearer ${c.bearer}` });

  before(async () => {
    httpServer = await startHttp('VigilTestHTTP/2.0');
    httpsServer = await startHttps(
      await makeCert({ subject: 'CN=tw.test', notBefore: days(-400), notAfter: days(-2) }),
    );
    t = await makeTestRuntime({
      engines: (ctx) => [createHostEngine(ctx)],
      faces: [threatwindsFace],
      config: {
        targetPolicy: { allow: ['127.0.0.0/8', '::1'] },
        host: { defaultPorts: `${httpServer.port},${httpsServer.port}` },
        webhooks: { retryBaseMs: 100, pollIntervalMs: 50, maxAttempts: 5, timeoutMs: 2000 },
      },
    });
    reporter = await t.credentials(['reporter']);
    viewer = await t.credentials(['viewer']);
  });

  after(async () => {
    await t.close();
    await httpServer.close();
    await httpsServer.close();
  });

  describe('authentication and validation', () => {
    const scan = (headers: Record<string, string>, payload: unknown = { target: '127.0.0.1' }) =>
      t.app.inject({ method: 'POST', url: '/api/ingest/v1/scan', headers, payload: payload as object });

    it('401 without credentials and with bad ones, with x-error headers', async () => {
      assertTwError(await scan({}), 401);
      assertTwError(await scan({ authorization: 'Bearer nope' }), 401);
      assertTwError(await scan({ 'api-key': reporter.key, 'api-secret': 'wrong' }), 401);
    });

    it('400 when both Bearer and api-key/api-secret are sent', async () => {
      assertTwError(
        await scan({ ...bearer(reporter), 'api-key': reporter.key, 'api-secret': reporter.secret }),
        400,
      );
    });

    it('403 without the reporter role', async () => {
      const res = await scan(bearer(viewer));
      assertTwError(res, 403);
    });

    it('400 for missing or invalid targets, malformed JSON and denied webhook URLs', async () => {
      assertTwError(await scan(bearer(reporter), {}), 400);
      assertTwError(await scan(bearer(reporter), { target: 'http://example.com/x' }), 400);
      assertTwError(await scan(bearer(reporter), { target: '10.1.2.3' }), 400);
      assertTwError(
        await scan(bearer(reporter), {
          target: '127.0.0.1',
          webhook: { url: 'http://169.254.169.254/latest' },
        }),
        400,
      );
      assertTwError(
        await scan(bearer(reporter), { target: '127.0.0.1', webhook: { url: 'ftp://127.0.0.1/x' } }),
        400,
      );
      assertTwError(
        await scan(bearer(reporter), {
          target: '127.0.0.1',
          webhook: { url: 'http://127.0.0.1:9/x', headers: [{ key: 'webhook-signature', value: 'forged' }] },
        }),
        400,
      );
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/ingest/v1/scan',
        headers: { ...bearer(reporter), 'content-type': 'application/json' },
        payload: '{"target": ',
      });
      assertTwError(res, 400);
    });

    it('404 with x-error headers for unknown tasks and paths', async () => {
      assertTwError(
        await t.app.inject({ method: 'GET', url: '/api/ingest/v1/scan/nope', headers: bearer(reporter) }),
        404,
      );
      assertTwError(
        await t.app.inject({ method: 'GET', url: '/api/ingest/v1/nothing', headers: bearer(reporter) }),
        404,
      );
    });
  });

  describe('scan lifecycle with webhooks', () => {
    let taskId = '';
    let flaky: Awaited<ReturnType<typeof receiver>>;
    let steady: Awaited<ReturnType<typeof receiver>>;

    before(async () => {
      flaky = await receiver([500, 503, 200]);
      steady = await receiver([200]);
    });
    after(async () => {
      await flaky.close();
      await steady.close();
    });

    it('202 {id, status:"new"} for a new task (api-key + api-secret auth)', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/ingest/v1/scan',
        headers: { 'api-key': reporter.key, 'api-secret': reporter.secret },
        payload: {
          target: '127.0.0.1',
          webhook: { url: steady.url, headers: [{ key: 'Authorization', value: 'Bearer receiver-token' }] },
        },
      });
      assert.equal(res.statusCode, 202, res.body);
      const body = res.json() as { id: string; status: string };
      assert.equal(body.status, 'new');
      assert.ok(body.id);
      taskId = body.id;
      // The receiver's credentials are sealed at rest, not stored as plain JSON.
      const rows = await t.runtime.db.query<{ headers: string }>('SELECT headers FROM webhook_subscriptions');
      assert.ok(rows.length > 0);
      for (const row of rows) assert.doesNotMatch(row.headers, /receiver-token/);
    });

    it('200 with the existing task and its status for the same target', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/ingest/v1/scan',
        headers: bearer(reporter),
        payload: { target: '127.0.0.1', webhook: { url: flaky.url } },
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { id: string; status: string };
      assert.equal(body.id, taskId);
      assert.ok(['queued', 'running', 'done'].includes(body.status), body.status);
    });

    it('GET of the task reaches done', async () => {
      const task = await until(async () => {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/ingest/v1/scan/${taskId}`,
          headers: bearer(reporter),
        });
        const body = res.json() as { status: string; summary?: { openPorts: number } };
        return body.status === 'done' ? body : undefined;
      });
      assert.equal(task.summary?.openPorts, 2);
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/ingest/v1/scan',
        headers: bearer(reporter),
        payload: { target: '127.0.0.1' },
      });
      assert.equal(again.statusCode, 200);
      assert.equal((again.json() as { status: string }).status, 'done');
      const other = await t.credentials(['reporter']);
      const hidden = await t.app.inject({
        method: 'GET',
        url: `/api/ingest/v1/scan/${taskId}`,
        headers: bearer(other),
      });
      assertTwError(hidden, 404);
    });

    it('the receiver gets the signed completion call with its own headers', async () => {
      await until(() => (steady.calls.length > 0 ? true : undefined));
      const call = steady.calls[0] as Received;
      const secretRes = await t.app.inject({
        method: 'GET',
        url: '/api/ingest/v1/webhook-secret',
        headers: bearer(reporter),
      });
      const { secret } = secretRes.json() as { secret: string };
      assert.match(secret, /^whsec_/);
      assert.equal(
        verifyWebhook(secret, call.headers, call.body),
        true,
        'signature verifies with the app secret',
      );
      assert.equal(
        verifyWebhook(
          `whsec_${Buffer.from('other-secret-1234').toString('base64')}`,
          call.headers,
          call.body,
        ),
        false,
      );
      assert.match(String(call.headers['webhook-signature']), /^v1,[A-Za-z0-9+/]+=*$/);
      assert.equal(call.headers.authorization, 'Bearer receiver-token');
      const payload = JSON.parse(call.body) as {
        type: string;
        data: { id: string; status: string; openPorts: Array<{ port: number; service: string }> };
      };
      assert.equal(payload.type, 'scan.completed');
      assert.equal(payload.data.id, taskId);
      assert.equal(payload.data.status, 'done');
      assert.ok(payload.data.openPorts.some((p) => p.port === httpServer.port && p.service === 'http'));
    });

    it('a receiver that fails twice still gets the call on the third try, and the log shows it', async () => {
      await until(() => (flaky.calls.length >= 3 ? true : undefined));
      const ids = new Set(flaky.calls.map((c) => c.headers['webhook-id']));
      assert.equal(ids.size, 1, 'retries reuse the message id (receivers dedupe on it)');
      const third = flaky.calls[2] as Received;
      const second = flaky.calls[1] as Received;
      const first = flaky.calls[0] as Received;
      assert.ok(third.at - second.at >= second.at - first.at, 'backoff grows');
      const log = await until(async () => {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/ingest/v1/scan/${taskId}/webhooks`,
          headers: bearer(reporter),
        });
        const body = res.json() as {
          items: Array<{ url: string; state: string; attempts: number; log: Array<{ status: number }> }>;
        };
        const d = body.items.find((i) => i.url === flaky.url);
        return d?.state === 'delivered' ? d : undefined;
      });
      assert.equal(log.attempts, 3);
      assert.deepEqual(
        log.log.map((l) => l.status),
        [500, 503, 200],
      );
    });

    it('HTTP 410 disables the endpoint', async () => {
      const gone = await receiver([410]);
      try {
        const other = await t.credentials(['reporter']);
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/ingest/v1/scan',
          headers: bearer(other),
          payload: { target: '127.0.0.1', webhook: { url: gone.url } },
        });
        const id = (res.json() as { id: string }).id;
        const delivery = await until(async () => {
          const r = await t.app.inject({
            method: 'GET',
            url: `/api/ingest/v1/scan/${id}/webhooks`,
            headers: bearer(other),
          });
          const d = (r.json() as { items: Array<{ state: string; attempts: number }> }).items[0];
          return d && d.state !== 'pending' && d.state !== 'sending' ? d : undefined;
        });
        assert.equal(delivery.state, 'disabled');
        assert.equal(delivery.attempts, 1);
        assert.equal(gone.calls.length, 1);
      } finally {
        await gone.close();
      }
    });

    it('analytics: entity details, relations and search follow the vendor shapes', async () => {
      const target = entityIdOf('target', '127.0.0.1');
      const details = await t.app.inject({
        method: 'GET',
        url: `/api/analytics/v1/entity/${target}/details`,
        headers: bearer(viewer),
      });
      assert.equal(details.statusCode, 200, details.body);
      const entity = details.json() as {
        id: string;
        type: string;
        value: string;
        firstSeen: string;
        seenCount: number;
      };
      assert.equal(entity.id, target);
      assert.equal(entity.type, 'target');
      assert.ok(entity.seenCount >= 2, 'a second owner scanned the same target: history accumulates');

      const rel = await t.app.inject({
        method: 'GET',
        url: `/api/analytics/v1/entity/${target}/relations?limit=100&levels=2`,
        headers: bearer(viewer),
      });
      const view = rel.json() as {
        items: Array<{
          entityID: string;
          relatedEntityID: string;
          mode: string;
          label: string;
          level: number;
        }>;
        entities: Array<{ id: string; type: string; value: string; attributes: Record<string, unknown> }>;
      };
      const portId = entityIdOf('port', `${httpServer.port}/tcp`);
      const toPort = view.items.find((r) => r.entityID === target && r.relatedEntityID === portId);
      assert.equal(toPort?.mode, 'aggregation');
      const service = view.entities.find(
        (e) => e.type === 'service' && e.value === `127.0.0.1:${httpServer.port}/tcp`,
      );
      assert.equal(service?.attributes.product, 'VigilTestHTTP');
      assert.ok(view.entities.some((e) => e.type === 'certificate'));
      assert.ok(
        view.entities.some((e) => e.type === 'finding' && e.attributes.checkId === 'tls-cert-expired'),
      );
      assert.ok(view.items.every((r) => r.level === 1 || r.level === 2));
      const shallow = await t.app.inject({
        method: 'GET',
        url: `/api/analytics/v1/entity/${target}/relations?limit=2&levels=1`,
        headers: bearer(viewer),
      });
      assert.equal((shallow.json() as { items: unknown[] }).items.length, 2);

      const search = await t.app.inject({
        method: 'GET',
        url: '/api/analytics/v1/entities/search?type=port&limit=1&page=1',
        headers: bearer(viewer),
      });
      const page = search.json() as { items: Array<{ type: string }>; pages: number; results: number };
      assert.equal(page.results, 2);
      assert.equal(page.pages, 2);
      assert.equal(page.items.length, 1);
      const byAttr = await t.app.inject({
        method: 'GET',
        url: '/api/analytics/v1/entities/search?type=service&attr.product=VigilTestHTTP',
        headers: bearer(viewer),
      });
      assert.equal((byAttr.json() as { results: number }).results, 1);
      assertTwError(
        await t.app.inject({
          method: 'GET',
          url: '/api/analytics/v1/entity/bad/details',
          headers: bearer(viewer),
        }),
        400,
      );
      assertTwError(
        await t.app.inject({
          method: 'GET',
          url: `/api/analytics/v1/entity/${entityIdOf('ip', '9.9.9.9')}/details`,
          headers: bearer(viewer),
        }),
        404,
      );
    });

    it('exports the scan as a STIX 2.1 bundle', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/ingest/v1/scan/${taskId}/stix`,
        headers: bearer(reporter),
      });
      assert.equal(res.statusCode, 200, res.body);
      const bundle = res.json() as { type: string; id: string; objects: Array<Record<string, unknown>> };
      assert.equal(bundle.type, 'bundle');
      assert.match(bundle.id, /^bundle--[0-9a-f-]{36}$/);
      const of = (type: string) => bundle.objects.filter((o) => o.type === type);
      assert.equal(of('ipv4-addr')[0]?.value, '127.0.0.1');
      const traffic = of('network-traffic');
      assert.deepEqual(traffic.map((o) => o.dst_port).sort(), [httpServer.port, httpsServer.port].sort());
      assert.ok(traffic.every((o) => o.dst_ref === of('ipv4-addr')[0]?.id));
      const cert = of('x509-certificate')[0];
      assert.equal(cert?.subject, 'CN=tw.test');
      assert.ok(of('software').some((o) => o.name === 'VigilTestHTTP' && o.version === '2.0'));
      assert.ok(of('note').some((o) => (o.labels as string[] | undefined)?.includes('tls-cert-expired')));
      const observed = of('observed-data')[0] as { object_refs: string[] };
      for (const ref of observed.object_refs)
        assert.ok(
          bundle.objects.some((o) => o.id === ref),
          ref,
        );
      for (const o of bundle.objects) {
        assert.match(
          String(o.id),
          /^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
        );
        if (o.type !== 'bundle') assert.equal(o.spec_version, '2.1');
      }
    });
  });
});
