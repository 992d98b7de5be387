import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createTargetPolicy } from '../../../src/core/net/target-policy.js';
import { scanTcpPorts } from '../../../src/engines/host/scan/tcp-connect-scan.js';
import { closedPort, type Running, startBanner } from './servers.js';

const policy = createTargetPolicy({ allow: ['127.0.0.0/8', '::1'], deny: [] });

function listenV6(): Promise<Running | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer((s) => s.end());
    server.once('error', () => resolve(undefined));
    server.listen(0, '::1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}

describe('TCP connect scan', () => {
  const servers: Running[] = [];
  let closed = 0;
  before(async () => {
    for (let i = 0; i < 3; i++) servers.push(await startBanner('hi\r\n'));
    closed = await closedPort();
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('reports listening ports open with latency and others closed', async () => {
    const ports = [...servers.map((s) => s.port), closed];
    const result = await scanTcpPorts(policy, '127.0.0.1', { ports });
    assert.deepEqual(
      result.open.map((p) => p.port),
      servers.map((s) => s.port).sort((a, b) => a - b),
    );
    assert.equal(result.closed, 1);
    assert.equal(result.filtered.length, 0);
    assert.equal(result.scanned, 4);
    for (const p of result.open) assert.ok(p.latencyMs >= 0 && p.latencyMs < 5000);
    assert.equal(result.rawHandles, true);
  });

  it('spreads a large range over threads, reports progress, and never reports a self-connect as open', async () => {
    const ports: number[] = [];
    for (let p = 32768; p <= 60999; p++) ports.push(p);
    const ours = servers.map((s) => s.port).filter((p) => p >= 32768 && p <= 60999);
    let lastProgress = 0;
    const result = await scanTcpPorts(policy, '127.0.0.1', {
      ports,
      threads: 2,
      onProgress: (done) => (lastProgress = done),
    });
    assert.equal(result.threads, 2);
    assert.equal(lastProgress, ports.length);
    assert.equal(result.open.length + result.closed + result.filtered.length, ports.length);
    const open = new Set(result.open.map((p) => p.port));
    for (const port of ours) assert.ok(open.has(port), `own server ${port} found`);
    for (const port of result.selfConnects)
      assert.ok(!open.has(port), `self-connect ${port} must not be open`);
  });

  it('reuses refused sockets for the next ports and still finds every open port among them', async () => {
    const extra: Running[] = [];
    for (let i = 0; i < 12; i++) extra.push(await startBanner('hi\r\n'));
    try {
      const ours = [...servers, ...extra].map((s) => s.port);
      // Each listener with the 40 ports above it, scanned through a narrow window on one thread so
      // nearly every connect after the first few runs on a socket kept from a refused one.
      const ports = [...new Set(ours.flatMap((p) => Array.from({ length: 41 }, (_, i) => p + i)))].filter(
        (p) => p <= 65535,
      );
      const result = await scanTcpPorts(policy, '127.0.0.1', {
        ports,
        threads: 1,
        concurrency: 8,
        maxConcurrency: 8,
      });
      assert.equal(result.open.length + result.closed + result.filtered.length, ports.length);
      const open = new Set(result.open.map((p) => p.port));
      for (const port of ours) assert.ok(open.has(port), `listener ${port} found open`);
      assert.ok(result.socketsReused > ports.length / 2, `reused ${result.socketsReused} of ${ports.length}`);
    } finally {
      await Promise.all(extra.map((s) => s.close()));
    }
  });

  it('scans IPv6 loopback', async (t) => {
    const v6 = await listenV6();
    if (!v6) return t.skip('::1 is not available on this machine');
    try {
      const result = await scanTcpPorts(policy, '::1', { ports: [v6.port, closed] });
      assert.equal(result.family, 6);
      assert.deepEqual(
        result.open.map((p) => p.port),
        [v6.port],
      );
    } finally {
      await v6.close();
    }
  });

  it('checks the policy before any connection and stops on abort', async () => {
    await assert.rejects(
      scanTcpPorts(createTargetPolicy({ allow: [], deny: [] }), '127.0.0.1', {
        ports: [servers[0]?.port ?? 1],
      }),
      (e: unknown) => (e as { code?: string }).code === 'TARGET_DENIED',
    );
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      scanTcpPorts(policy, '127.0.0.1', { ports: [1, 2, 3], signal: controller.signal }),
      (e: unknown) => (e as { code?: string }).code === 'CANCELLED',
    );
  });
});
