import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { describeCertificate, readSignatureOid } from '../../../src/engines/host/tls/certificate.js';
import type { TlsCheck } from '../../../src/engines/host/tls/checks/define-check.js';
import { TLS_CHECKS } from '../../../src/engines/host/tls/checks/index.js';
import type { TlsObservation } from '../../../src/engines/host/tls/observe-tls.js';
import { days, makeCert } from './certs.js';

const der = (pem: string) => Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
const ctx = { now: Date.now(), expiringDays: 30 };

function obs(over: Partial<TlsObservation>): TlsObservation {
  return {
    serverName: '127.0.0.1',
    targetIsIp: true,
    protocol: 'TLSv1.3',
    cipher: { name: 'TLS_AES_256_GCM_SHA384', standardName: 'TLS_AES_256_GCM_SHA384', version: 'TLSv1.3' },
    alpn: null,
    chain: [],
    authorized: true,
    authorizationError: null,
    hostnameError: null,
    legacyProtocols: { TLSv1: false, 'TLSv1.1': false },
    ...over,
  };
}

const check = (id: string): TlsCheck => {
  const c = TLS_CHECKS.find((x) => x.id === id);
  assert.ok(c, id);
  return c;
};

describe('TLS checks: one file each, with metadata', () => {
  it('every check has unique id and full metadata', () => {
    assert.equal(new Set(TLS_CHECKS.map((c) => c.id)).size, TLS_CHECKS.length);
    for (const c of TLS_CHECKS) {
      assert.match(c.id, /^tls-/);
      for (const key of ['title', 'description', 'recommendation'] as const)
        assert.ok(c[key].length > 10, `${c.id}.${key}`);
    }
  });

  describe('fixtures', () => {
    let good: ReturnType<typeof describeCertificate>;
    let expired: ReturnType<typeof describeCertificate>;
    let future: ReturnType<typeof describeCertificate>;
    let expiring: ReturnType<typeof describeCertificate>;
    let weak: ReturnType<typeof describeCertificate>;
    let caSigned: ReturnType<typeof describeCertificate>;
    let ca: ReturnType<typeof describeCertificate>;

    before(async () => {
      const root = await makeCert({ subject: 'CN=Fixture CA', ca: true });
      const [g, e, f, x, w, s] = await Promise.all([
        makeCert({ subject: 'CN=good.test' }),
        makeCert({ subject: 'CN=expired.test', notBefore: days(-100), notAfter: days(-1) }),
        makeCert({ subject: 'CN=future.test', notBefore: days(5), notAfter: days(100) }),
        makeCert({ subject: 'CN=expiring.test', notAfter: days(12) }),
        makeCert({ subject: 'CN=weak.test', keyBits: 1024, hash: 'SHA-1' }),
        makeCert({ subject: 'CN=leaf.test', issuer: root }),
      ]);
      good = describeCertificate(der(g.certPem));
      expired = describeCertificate(der(e.certPem));
      future = describeCertificate(der(f.certPem));
      expiring = describeCertificate(der(x.certPem));
      weak = describeCertificate(der(w.certPem));
      caSigned = describeCertificate(der(s.certPem));
      ca = describeCertificate(der(root.certPem));
    });

    it('describeCertificate reads key, signature, SANs, fingerprints, self-signature', () => {
      assert.equal(good.keyType, 'RSA');
      assert.equal(good.keySize, 2048);
      assert.equal(good.signatureAlgorithm, 'sha256WithRSAEncryption');
      assert.equal(good.signatureHash, 'SHA-256');
      assert.deepEqual(good.dnsNames, ['localhost']);
      assert.deepEqual(good.ipAddresses, ['127.0.0.1']);
      assert.equal(good.selfSigned, true);
      assert.equal(caSigned.selfSigned, false);
      assert.equal(ca.isCa, true);
      assert.equal(weak.signatureAlgorithm, 'sha1WithRSAEncryption');
      assert.equal(weak.keySize, 1024);
      assert.equal(readSignatureOid(Buffer.from('nonsense')), undefined);
    });

    const cases: Array<{ id: string; hit: () => TlsObservation; miss: () => TlsObservation }> = [
      { id: 'tls-cert-expired', hit: () => obs({ chain: [expired] }), miss: () => obs({ chain: [good] }) },
      {
        id: 'tls-cert-not-yet-valid',
        hit: () => obs({ chain: [future] }),
        miss: () => obs({ chain: [good] }),
      },
      {
        id: 'tls-cert-expiring-soon',
        hit: () => obs({ chain: [expiring] }),
        miss: () => obs({ chain: [expired] }),
      },
      {
        id: 'tls-cert-self-signed',
        hit: () => obs({ chain: [good] }),
        miss: () => obs({ chain: [caSigned, ca] }),
      },
      {
        id: 'tls-hostname-mismatch',
        hit: () => obs({ chain: [good], hostnameError: "Hostname/IP does not match certificate's altnames" }),
        miss: () => obs({ chain: [good] }),
      },
      {
        id: 'tls-incomplete-chain',
        hit: () =>
          obs({
            chain: [caSigned],
            authorized: false,
            authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
          }),
        miss: () =>
          obs({ chain: [good], authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      },
      {
        id: 'tls-untrusted-root',
        hit: () =>
          obs({ chain: [caSigned, ca], authorized: false, authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN' }),
        miss: () => obs({ chain: [caSigned, ca] }),
      },
      { id: 'tls-weak-key', hit: () => obs({ chain: [weak] }), miss: () => obs({ chain: [good] }) },
      { id: 'tls-weak-signature', hit: () => obs({ chain: [weak] }), miss: () => obs({ chain: [good] }) },
      {
        id: 'tls-legacy-protocol',
        hit: () => obs({ legacyProtocols: { TLSv1: true, 'TLSv1.1': false } }),
        miss: () => obs({}),
      },
    ];
    for (const c of cases) {
      it(`${c.id} fires on its fixture and not on the clean one`, () => {
        assert.ok(check(c.id).evaluate(c.hit(), ctx), 'must fire');
        assert.equal(check(c.id).evaluate(c.miss(), ctx), null, 'must stay quiet');
      });
    }

    it('tls-negotiated-cipher reports the suite and grades weak ones', () => {
      const modern = check('tls-negotiated-cipher').evaluate(obs({}), ctx);
      assert.equal(modern?.severity, 'info');
      assert.match(modern?.message ?? '', /TLSv1\.3 with TLS_AES_256_GCM_SHA384/);
      const staticRsa = check('tls-negotiated-cipher').evaluate(
        obs({
          protocol: 'TLSv1.2',
          cipher: { name: 'AES256-SHA', standardName: 'TLS_RSA_WITH_AES_256_CBC_SHA', version: 'TLSv1.2' },
        }),
        ctx,
      );
      assert.equal(staticRsa?.severity, 'medium');
      const rc4 = check('tls-negotiated-cipher').evaluate(
        obs({ cipher: { name: 'RC4-SHA', version: 'TLSv1' } }),
        ctx,
      );
      assert.equal(rc4?.severity, 'high');
      assert.equal(check('tls-negotiated-cipher').evaluate(obs({ cipher: null }), ctx), null);
    });
  });
});

describe('generated docs', () => {
  it('docs/host-checks.md is up to date (npx tsx src/engines/host/gen-docs.ts)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderHostDocs } = await import('../../../src/engines/host/gen-docs.js');
    const current = readFileSync(new URL('../../../docs/host-checks.md', import.meta.url), 'utf8');
    assert.equal(current, renderHostDocs());
  });
});
