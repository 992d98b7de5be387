import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sign, signedHeaders } from '../../helpers/signing-client.js';

test('reproduces the first published test vector', () => {
  assert.equal(
    sign({
      appId: '000000000000000000000000000000000000000000000000000000000000000001',
      secret: '000000000000000000000000000000000000000000000000000000000000000002',
      timestamp: '1666255054045',
      nonce: 'nonce',
      method: 'POST',
      path: '/api/v1/address-security',
      body: '{"address":"0x0000000000000000000000000000000000000003"}',
    }),
    '6d668a3a07ed9b36418c80911184d8981dbf815085f1eb97a1e536282db0b1e2',
  );
});

test('reproduces the second published test vector', () => {
  assert.equal(
    sign({
      appId: '13cc90dc5ffa4032acb3',
      secret: 'cd0ec4b1ca934b188996034541d7e810',
      timestamp: '1657246234465',
      nonce: '791f398e93f14b3e98f916703f777f44',
      method: 'post',
      path: '/security-api/public/app/v1/detect',
      body: '{"address":"0x312bc7eaaf93f1c60dc5afc115fccde161055fb0","chain_id":"56"}',
    }),
    '08850af5a48bbc255137d82ee7ab40e9e850a422dad1af9ca2391f2db8505e47',
  );
});

test('a query string is signed between path and body; an empty one is left out', () => {
  const base = { appId: 'a', secret: 's', timestamp: '1', nonce: 'n', method: 'GET', path: '/p', body: '' };
  assert.notEqual(sign({ ...base, query: 'x=1' }), sign(base));
  assert.equal(sign({ ...base, query: '' }), sign(base));
});

test('signedHeaders makes a 32-hex nonce and a millisecond timestamp', () => {
  const h = signedHeaders({ appId: 'a', secret: 's', method: 'POST', path: '/p', body: '{}' });
  assert.match(h['X-Signature-nonce'] ?? '', /^[0-9a-f]{32}$/);
  assert.match(h['X-Signature-timestamp'] ?? '', /^\d{13}$/);
  assert.match(h['X-Signature-signature'] ?? '', /^[0-9a-f]{64}$/);
});
