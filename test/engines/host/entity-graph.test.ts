import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migrate } from '../../../src/core/db/migrate.js';
import { openSqlite, type SqliteDb } from '../../../src/core/db/sqlite.js';
import { EntityGraph } from '../../../src/engines/host/graph/entity-graph.js';
import { entityId } from '../../../src/engines/host/graph/entity-id.js';
import { scanToStix, uuidv5 } from '../../../src/engines/host/graph/stix.js';
import type { HostScanResult } from '../../../src/engines/host/types.js';
import { ALL_MIGRATIONS } from '../../../src/engines/migrations.js';

function fixture(openPorts: number[], version: string): HostScanResult {
  return {
    target: 'svc.example',
    targetKind: 'hostname',
    portSpec: 'top-100',
    addresses: [
      {
        address: '203.0.113.5',
        family: 4,
        scanned: 100,
        open: openPorts.length,
        closed: 100 - openPorts.length,
        filtered: [],
        filteredCount: 0,
        selfConnects: [],
        durationMs: 5,
        threads: 1,
        peakConcurrency: 100,
      },
    ],
    ports: openPorts.map((port) => ({
      address: '203.0.113.5',
      port,
      protocol: 'tcp' as const,
      state: 'open' as const,
      latencyMs: 1,
      service: {
        name: 'http',
        product: 'nginx',
        version,
        tls: port === 443,
        identified: true,
        extra: { title: 'Hi' },
        banner: port === 22 ? 'SSH-2.0-x' : undefined,
        probesTried: ['http-get'],
      },
      tls:
        port === 443
          ? {
              serverName: 'svc.example',
              protocol: 'TLSv1.3',
              cipher: 'TLS_AES_128_GCM_SHA256',
              cipherStandardName: 'TLS_AES_128_GCM_SHA256',
              alpn: null,
              authorized: false,
              authorizationError: 'CERT_HAS_EXPIRED',
              hostnameError: null,
              legacyProtocols: { TLSv1: false, 'TLSv1.1': false },
              chain: [
                {
                  subject: 'CN=svc.example',
                  issuer: 'CN=svc.example',
                  commonName: 'svc.example',
                  serialNumber: '01',
                  notBefore: '2020-01-01T00:00:00.000Z',
                  notAfter: '2021-01-01T00:00:00.000Z',
                  dnsNames: ['svc.example'],
                  ipAddresses: [],
                  keyType: 'RSA',
                  keySize: 2048,
                  signatureAlgorithm: 'sha256WithRSAEncryption',
                  signatureHash: 'SHA-256',
                  selfIssued: true,
                  selfSigned: true,
                  isCa: false,
                  fingerprintSha1: 'AA:BB',
                  fingerprintSha256: 'CC:DD',
                  pem: '',
                },
              ],
            }
          : null,
    })),
    findings: openPorts.includes(443)
      ? [
          {
            id: 'tls-cert-expired',
            title: 'Certificate has expired',
            severity: 'high',
            confidence: 'high',
            message: 'expired',
            recommendation: 'renew',
            address: '203.0.113.5',
            port: 443,
            evidence: {},
          },
        ]
      : [],
    summary: {
      openPorts: openPorts.length,
      identifiedServices: openPorts.length,
      tlsServices: 1,
      findings: { info: 0, low: 0, medium: 0, high: 1, critical: 0 },
    },
    timings: { resolveMs: 0, portScanMs: 1, serviceMs: 1, totalMs: 2 },
    startedAt: '2024-01-01T00:00:00.000Z',
    finishedAt: '2024-01-01T00:00:01.000Z',
  };
}

describe('entity graph', () => {
  let dir: string;
  let db: SqliteDb;
  let graph: EntityGraph;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-graph-'));
    db = openSqlite(path.join(dir, 'g.db'));
    await migrate(db, ALL_MIGRATIONS);
    graph = new EntityGraph(db);
    await graph.ingest('scan-1', fixture([80, 443], '1.24.0'), 1_000);
    await graph.ingest('scan-2', fixture([80, 22], '1.25.0'), 2_000);
  });
  after(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ids are <type>-<sha3-256(normalized value)> and dedupe across scans', async () => {
    assert.match(entityId('port', '443/tcp'), /^port-[0-9a-f]{64}$/);
    assert.equal(entityId('target', 'SVC.example'), entityId('target', 'svc.example'));
    const target = await graph.get(entityId('target', 'svc.example'));
    assert.equal(target?.seenCount, 2);
    assert.equal(target?.firstSeen, 1_000);
    assert.equal(target?.lastSeen, 2_000);
    const http = await graph.get(entityId('service', '203.0.113.5:80/tcp'));
    assert.equal(http?.attributes.version, '1.25.0', 'attributes are the latest seen');
    const tls = await graph.get(entityId('port', '443/tcp'));
    assert.equal(tls?.lastSeen, 1_000, 'a port not seen again keeps its last-seen time');
  });

  it('relations are depth limited and carry modes', async () => {
    const one = await graph.relations(entityId('target', 'svc.example'), { limit: 100, levels: 1 });
    assert.ok(one);
    assert.ok(one.relations.every((r) => r.level === 1));
    const hasPort = one.relations.find((r) => r.relatedEntityID === entityId('port', '80/tcp'));
    assert.equal(hasPort?.mode, 'aggregation');
    assert.equal(hasPort?.seenCount, 2);
    const two = await graph.relations(entityId('target', 'svc.example'), { limit: 100, levels: 2 });
    assert.ok(two && two.relations.length > one.relations.length);
    assert.ok(two.entities.some((e) => e.type === 'service'));
    assert.ok(!two.entities.some((e) => e.type === 'banner'), 'banners are three hops from the target');
    const three = await graph.relations(entityId('target', 'svc.example'), { limit: 100, levels: 3 });
    assert.ok(three?.entities.some((e) => e.type === 'banner'));
    const cert = entityId('certificate', 'CC:DD');
    const certRelations = await graph.relations(cert, { limit: 100, levels: 1 });
    assert.ok(
      certRelations?.entities.some(
        (e) => e.type === 'finding' && e.attributes.checkId === 'tls-cert-expired',
      ),
    );
    assert.equal(
      (await graph.relations(entityId('target', 'svc.example'), { limit: 3, levels: 2 }))?.relations.length,
      3,
    );
  });

  it('search filters by type, value and attributes with pages', async () => {
    const ports = await graph.search({ type: 'port', limit: 2, page: 1 });
    assert.equal(ports.results, 3);
    assert.equal(ports.pages, 2);
    assert.equal(ports.items.length, 2);
    const page2 = await graph.search({ type: 'port', limit: 2, page: 2 });
    assert.equal(page2.items.length, 1);
    const byAttr = await graph.search({
      type: 'service',
      attributes: { version: '1.25.0' },
      limit: 10,
      page: 1,
    });
    assert.deepEqual(byAttr.items.map((e) => e.value).sort(), ['203.0.113.5:22/tcp', '203.0.113.5:80/tcp']);
    const byValue = await graph.search({ q: '443', limit: 10, page: 1 });
    assert.ok(byValue.items.some((e) => e.value === '443/tcp'));
    const scan1 = await graph.scan('scan-1');
    assert.ok(scan1.entities.some((e) => e.value === '443/tcp'));
    assert.ok(!scan1.entities.some((e) => e.value === '22/tcp'));
  });

  it('STIX export uses spec UUIDv5 ids for SCOs', () => {
    // Vector from the STIX 2.1 specification's namespace with a known value.
    assert.equal(
      uuidv5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    const a = scanToStix('scan-1', fixture([80, 443], '1.24.0'));
    const b = scanToStix('scan-9', fixture([80, 443], '1.24.0'));
    const ip = (bundle: typeof a) => bundle.objects.find((o) => o.type === 'ipv4-addr')?.id;
    assert.equal(ip(a), ip(b), 'the same IP has the same id in every export');
    assert.ok(a.objects.some((o) => o.type === 'domain-name' && o.value === 'svc.example'));
    assert.ok(a.objects.some((o) => o.type === 'x509-certificate' && o.is_self_signed === true));
  });
});
