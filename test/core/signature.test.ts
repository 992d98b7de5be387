import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeSignature, type SignedRequest, verifySignedRequest } from '../../src/core/auth/signature.js';
import type { VigilError } from '../../src/core/errors.js';

describe('HashDit request signature', () => {
  it('reproduces the first published test vector', () => {
    const sig = computeSignature('000000000000000000000000000000000000000000000000000000000000000002', {
      appId: '000000000000000000000000000000000000000000000000000000000000000001',
      timestamp: '1666255054045',
      nonce: 'nonce',
      method: 'POST',
      path: '/api/v1/address-security',
      body: '{"address":"0x0000000000000000000000000000000000000003"}',
    });
    assert.equal(sig, '6d668a3a07ed9b36418c80911184d8981dbf815085f1eb97a1e536282db0b1e2');
  });

  it('reproduces the second published test vector', () => {
    const sig = computeSignature('cd0ec4b1ca934b188996034541d7e810', {
      appId: '13cc90dc5ffa4032acb3',
      timestamp: '1657246234465',
      nonce: '791f398e93f14b3e98f916703f777f44',
      method: 'POST',
      path: '/security-api/public/app/v1/detect',
      body: '{"address":"0x312bc7eaaf93f1c60dc5afc115fccde161055fb0","chain_id":"56"}',
    });
    assert.equal(sig, '08850af5a48bbc255137d82ee7ab40e9e850a422dad1af9ca2391f2db8505e47');
  });

  const now = 1_700_000_000_000;
  const secret = 'cd0ec4b1ca934b188996034541d7e810';
  const seen = new Set<string>();
  const deps = {
    now: () => now,
    windowMs: 300_000,
    findApp: async (appId: string) =>
      appId === 'goodapp'
        ? { appId, secret, expired: false, revoked: false }
        : appId === 'oldapp'
          ? { appId, secret, expired: true, revoked: false }
          : undefined,
    claimNonce: async (appId: string, nonce: string) => {
      const k = `${appId}:${nonce}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    },
  };
  const signed = (over: Record<string, string | undefined> = {}, body = '{"url":"a.com"}'): SignedRequest => {
    const h = {
      'x-signature-appid': 'goodapp',
      'x-signature-timestamp': String(now),
      'x-signature-nonce': `n${Math.random().toString(16).slice(2)}`,
      ...over,
    };
    const signature =
      over['x-signature-signature'] ??
      computeSignature(secret, {
        appId: h['x-signature-appid'] ?? '',
        timestamp: h['x-signature-timestamp'] ?? '',
        nonce: h['x-signature-nonce'] ?? '',
        method: 'POST',
        path: '/p',
        body,
      });
    return {
      headers: { ...h, 'x-signature-signature': signature },
      method: 'POST',
      path: '/p',
      query: '',
      body,
    };
  };
  const rejectsWith = (req: SignedRequest, code: string) =>
    assert.rejects(verifySignedRequest(req, deps), (e: VigilError) => e.code === code);

  it('accepts a correctly signed request once and refuses its replay', async () => {
    const req = signed();
    assert.equal(await verifySignedRequest(req, deps), 'goodapp');
    await rejectsWith(req, 'SIGNATURE_REPLAYED');
  });

  it('names each failure with its own code', async () => {
    await rejectsWith(signed({ 'x-signature-nonce': '' }), 'SIGNATURE_HEADERS_MISSING');
    await rejectsWith(signed({ 'x-signature-nonce': 'not a nonce!' }), 'SIGNATURE_NONCE_ILLEGAL');
    await rejectsWith(signed({ 'x-signature-timestamp': 'yesterday' }), 'SIGNATURE_TIMESTAMP_ILLEGAL');
    await rejectsWith(
      signed({ 'x-signature-timestamp': String(now - 600_000) }),
      'SIGNATURE_TIMESTAMP_EXPIRED',
    );
    await rejectsWith(signed({ 'x-signature-appid': 'bad app id' }), 'SIGNATURE_APPID_INVALID');
    await rejectsWith(signed({ 'x-signature-appid': 'unknownapp' }), 'SIGNATURE_APPID_UNKNOWN');
    await rejectsWith(signed({ 'x-signature-appid': 'oldapp' }), 'SIGNATURE_APPID_EXPIRED');
    await rejectsWith(signed({ 'x-signature-signature': 'ab'.repeat(32) }), 'SIGNATURE_INVALID');
    const tampered = signed();
    await rejectsWith({ ...tampered, body: '{"url":"b.com"}' }, 'SIGNATURE_INVALID');
  });

  it('signs the raw query string when one is present', () => {
    const base = { appId: 'a', timestamp: '1', nonce: 'n', method: 'get', path: '/x', body: '' };
    assert.notEqual(computeSignature('s', { ...base, query: 'b=2&a=1' }), computeSignature('s', base));
  });
});
