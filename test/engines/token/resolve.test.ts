import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isVigilError } from '../../../src/core/errors.js';
import { reasonOfFailure } from '../../../src/engines/token/reasons.js';
import { parseTokenQuery } from '../../../src/engines/token/resolve/parse-target.js';
import { shippedTokenLists } from '../../../src/engines/token/resolve/token-lists.js';

test('targets: addresses in any case are checksummed; symbols pass; the rest is token-not-found', () => {
  assert.deepEqual(parseTokenQuery('0x1967abfdc4ae7961c5a8a5395469222260c27c02'), {
    kind: 'address',
    address: '0x1967ABfdc4ae7961C5a8A5395469222260C27c02',
  });
  assert.deepEqual(parseTokenQuery(' shark '), { kind: 'symbol', symbol: 'shark' });
  assert.deepEqual(parseTokenQuery('USD₮0'), { kind: 'symbol', symbol: 'USD₮0' });
  for (const bad of ['0x12', '', 'a/b', '../etc', 'x'.repeat(41), 'http://evil']) {
    assert.throws(
      () => parseTokenQuery(bad),
      (err: unknown) =>
        isVigilError(err) && err.code === 'INVALID_TARGET' && err.message.startsWith('token-not-found'),
      bad,
    );
  }
});

test('shipped token lists resolve symbols per chain (Uniswap and SushiSwap lists)', async () => {
  const lists = await shippedTokenLists();
  const uni = lists.find('uni', [1]);
  assert.ok(uni.some((t) => t.address === '0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984'));
  assert.equal(lists.find('uni', [999_999]).length, 0);
  const sources = lists.sources.map((s) => s.source);
  assert.ok(sources.includes('uniswap-default') && sources.includes('sushiswap-default'));
  assert.ok((lists.sources.find((s) => s.source === 'uniswap-default')?.tokens ?? 0) > 1000);
  // BSC entries of the Uniswap list (the seed's vendor is BSC-first).
  assert.ok(lists.find('CAKE', [56]).length >= 1);
});

test('failure reasons come from the message prefix, else from the error code', () => {
  assert.equal(
    reasonOfFailure('ENGINE_FAILED', 'error-while-fetching-lp: no contract'),
    'error-while-fetching-lp',
  );
  assert.equal(reasonOfFailure('RPC_UNAVAILABLE', 'chain 1: fetch failed'), 'rpc-unavailable');
  assert.equal(reasonOfFailure('JOB_TIMEOUT', 'The token scan exceeded 120000 ms.'), 'scan-timeout');
  assert.equal(reasonOfFailure('ENGINE_FAILED', 'boom'), 'internal-error');
});
