import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTargetPolicy } from '../../../src/core/net/target-policy.js';
import { hostOptionsSchema } from '../../../src/engines/host/options.js';
import { scanHost } from '../../../src/engines/host/scan-host.js';
import type { HostPortResult, HostScanResult } from '../../../src/engines/host/types.js';
import { days, makeCert } from './certs.js';
import {
  closedPort,
  type Running,
  reachable,
  startBanner,
  startHttp,
  startHttps,
  startTlsBanner,
} from './servers.js';

// Tests allow loopback only and scan nothing else.
const policy = createTargetPolicy({ allow: ['127.0.0.0/8', '::1'], deny: [] });

describe('scanHost against real loopback services', () => {
  const servers: Record<string, Running> = {};
  let rootPem = '';
  let closed = 0;
  let result: HostScanResult;
  let redisUp = false;
  let postgresUp = false;

  before(async () => {
    const root = await makeCert({ subject: 'CN=Vigil Test Root', ca: true, notAfter: days(3650) });
    const intermediate = await makeCert({
      subject: 'CN=Vigil Test Intermediate',
      ca: true,
      issuer: root,
      notAfter: days(3000),
    });
    const leaf = await makeCert({ subject: 'CN=chain.test', issuer: intermediate });
    rootPem = root.certPem;
    const [selfSigned, expired, expiring, notYet, mismatch, weak] = await Promise.all([
      makeCert({ subject: 'CN=self-signed.test' }),
      makeCert({ subject: 'CN=expired.test', notBefore: days(-400), notAfter: days(-35) }),
      makeCert({ subject: 'CN=expiring.test', notAfter: days(10) }),
      makeCert({ subject: 'CN=future.test', notBefore: days(20), notAfter: days(400) }),
      makeCert({ subject: 'CN=other.example', san: [{ type: 'dns', value: 'other.example' }] }),
      makeCert({ subject: 'CN=weak.test', keyBits: 1024, hash: 'SHA-1' }),
    ]);
    servers.http = await startHttp('VigilTestHTTP/1.4.2');
    servers.selfSigned = await startHttps(selfSigned);
    servers.expired = await startHttps(expired);
    servers.expiring = await startHttps(expiring);
    servers.notYet = await startHttps(notYet);
    servers.mismatch = await startHttps(mismatch);
    servers.weakLegacy = await startHttps(weak, { legacy: true, serverHeader: 'Apache/2.4.57 (Debian)' });
    servers.chainIncomplete = await startHttps(leaf);
    servers.chainComplete = await startHttps(leaf, { chainPem: [intermediate.certPem] });
    servers.smtp = await startBanner('220 mail.vigil.test ESMTP Postfix (Debian/GNU)\r\n');
    servers.ssh = await startBanner('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n');
    servers.unknown = await startBanner('XYZZY-PROTO 7 ready\r\n');
    servers.imaps = await startTlsBanner(
      selfSigned,
      '* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] Dovecot ready.\r\n',
    );
    closed = await closedPort();
    redisUp = await reachable(6379);
    postgresUp = await reachable(5432);

    const ports = [...Object.values(servers).map((s) => s.port), closed];
    if (redisUp) ports.push(6379);
    if (postgresUp) ports.push(5432);
    const options = hostOptionsSchema.parse({ ports: ports.join(',') });
    result = await scanHost('127.0.0.1', options, { policy, ca: [rootPem] });
    if (process.env.VIGIL_DEBUG_HOST)
      console.log(
        JSON.stringify(result.timings),
        result.ports.map((p) => `${p.port}:${p.service?.name}:${p.service?.probesTried.join('+')}`),
      );
  });

  after(async () => {
    await Promise.all(Object.values(servers).map((s) => s.close()));
  });

  const portOf = (name: string): HostPortResult => {
    const server = servers[name] as Running;
    const found = result.ports.find((p) => p.port === server.port);
    assert.ok(found, `port of ${name} (${server.port}) must be reported open`);
    return found;
  };
  const findingIds = (name: string) =>
    result.findings.filter((f) => f.port === (servers[name] as Running).port).map((f) => f.id);

  it('finds every listening port open and the closed port not open', () => {
    for (const name of Object.keys(servers)) portOf(name);
    assert.equal(
      result.ports.some((p) => p.port === closed),
      false,
    );
    const total = result.addresses[0];
    assert.ok(total);
    assert.equal(total.scanned, Object.keys(servers).length + 1 + (redisUp ? 1 : 0) + (postgresUp ? 1 : 0));
    for (const p of result.ports) assert.ok(p.latencyMs >= 0);
  });

  it('names the HTTP server with product, version and title', () => {
    const s = portOf('http').service;
    assert.equal(s?.name, 'http');
    assert.equal(s?.product, 'VigilTestHTTP');
    assert.equal(s?.version, '1.4.2');
    assert.equal(s?.extra.title, 'Vigil Test Page');
    assert.equal(s?.tls, false);
  });

  it('detects TLS first, then HTTP inside it', () => {
    const p = portOf('selfSigned');
    assert.equal(p.service?.name, 'http');
    assert.equal(p.service?.tls, true);
    assert.equal(p.service?.product, 'nginx');
    assert.equal(p.service?.version, '1.25.3');
    assert.ok(p.tls);
    assert.match(p.tls.protocol ?? '', /^TLSv1\.[23]$/);
    assert.equal(p.tls.chain[0]?.subject, 'CN=self-signed.test');
    assert.deepEqual(p.tls.chain[0]?.ipAddresses, ['127.0.0.1']);
    assert.equal(p.tls.chain[0]?.keyType, 'RSA');
    assert.equal(p.tls.chain[0]?.keySize, 2048);
    assert.equal(p.tls.chain[0]?.signatureAlgorithm, 'sha256WithRSAEncryption');
    assert.match(p.tls.chain[0]?.fingerprintSha256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const weak = portOf('weakLegacy');
    assert.equal(weak.service?.product, 'Apache httpd');
    assert.equal(weak.service?.version, '2.4.57');
  });

  it('reports each TLS finding on the server that has the problem', () => {
    assert.ok(findingIds('selfSigned').includes('tls-cert-self-signed'));
    assert.ok(!findingIds('selfSigned').includes('tls-cert-expired'));
    assert.ok(!findingIds('selfSigned').includes('tls-hostname-mismatch'));
    assert.ok(findingIds('expired').includes('tls-cert-expired'));
    assert.ok(findingIds('expiring').includes('tls-cert-expiring-soon'));
    assert.ok(!findingIds('expiring').includes('tls-cert-expired'));
    assert.ok(findingIds('notYet').includes('tls-cert-not-yet-valid'));
    assert.ok(findingIds('mismatch').includes('tls-hostname-mismatch'));
    const weak = findingIds('weakLegacy');
    for (const id of ['tls-weak-key', 'tls-weak-signature', 'tls-legacy-protocol'])
      assert.ok(weak.includes(id), id);
    assert.ok(
      !findingIds('selfSigned').includes('tls-legacy-protocol'),
      'modern server must not be flagged legacy',
    );
    assert.ok(findingIds('chainIncomplete').includes('tls-incomplete-chain'));
    assert.ok(!findingIds('chainComplete').includes('tls-incomplete-chain'));
    assert.ok(!findingIds('chainComplete').includes('tls-untrusted-root'));
    assert.equal(portOf('chainComplete').tls?.authorized, true);
    assert.equal(portOf('chainComplete').tls?.chain.length, 3);
    for (const name of ['selfSigned', 'expired', 'chainComplete'])
      assert.ok(findingIds(name).includes('tls-negotiated-cipher'));
  });

  it('names banner services and keeps the raw banner of unknown ones', () => {
    const smtp = portOf('smtp').service;
    assert.equal(smtp?.name, 'smtp');
    assert.equal(smtp?.product, 'Postfix smtpd');
    assert.match(smtp?.banner ?? '', /^220 mail\.vigil\.test ESMTP Postfix/);
    const ssh = portOf('ssh').service;
    assert.equal(ssh?.name, 'ssh');
    assert.equal(ssh?.product, 'OpenSSH');
    assert.equal(ssh?.version, '9.2p1');
    const unknown = portOf('unknown').service;
    assert.equal(unknown?.identified, false);
    assert.equal(unknown?.banner, 'XYZZY-PROTO 7 ready\\r\\n');
  });

  it('probes inside TLS for banner protocols (IMAPS)', () => {
    const s = portOf('imaps').service;
    assert.equal(s?.name, 'imap');
    assert.equal(s?.tls, true);
    assert.equal(s?.product, 'Dovecot imapd');
  });

  it('names the real Redis on 127.0.0.1:6379 with its version', (t) => {
    if (!redisUp) return t.skip('Redis is not reachable on 127.0.0.1:6379 on this machine');
    const p = result.ports.find((x) => x.port === 6379);
    assert.equal(p?.service?.name, 'redis');
    assert.match(p?.service?.version ?? '', /^\d+\.\d+\.\d+$/);
  });

  it('names the real PostgreSQL on 127.0.0.1:5432', (t) => {
    if (!postgresUp) return t.skip('PostgreSQL is not reachable on 127.0.0.1:5432 on this machine');
    const p = result.ports.find((x) => x.port === 5432);
    assert.equal(p?.service?.name, 'postgresql');
    assert.equal(p?.service?.product, 'PostgreSQL DB');
  });

  it('summarizes counts', () => {
    assert.equal(result.summary.openPorts, result.ports.length);
    assert.equal(result.summary.tlsServices, 9);
    assert.ok(result.summary.findings.high >= 4);
  });
});

describe('scanHost policy', () => {
  it('refuses targets outside the policy before connecting', async () => {
    const options = hostOptionsSchema.parse({ ports: '80' });
    await assert.rejects(
      scanHost('10.0.0.1', options, { policy }),
      (e: unknown) => (e as { code?: string }).code === 'TARGET_DENIED',
    );
    await assert.rejects(
      scanHost('127.0.0.1', options, { policy: createTargetPolicy({ allow: [], deny: [] }) }),
      (e: unknown) => (e as { code?: string }).code === 'TARGET_DENIED',
    );
  });
});
