import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { createRedisLimits, RedisNonceStore, RedisRateLimiter } from '../../src/core/auth/redis-limits.js';
import { dropRedisPrefix, REDIS_URL, redisSkip, uniqueName } from './services.js';

describe('Redis nonces and rate limits', async () => {
  const skip = await redisSkip();
  const prefix = uniqueName('limits');
  // Two clients stand for two API processes.
  let a: Redis;
  let b: Redis;

  before(() => {
    if (skip) return;
    a = new Redis(REDIS_URL);
    b = new Redis(REDIS_URL);
  });
  after(async () => {
    if (skip) return;
    a.disconnect();
    b.disconnect();
    await dropRedisPrefix(prefix);
  });

  test('a nonce is accepted once, across processes; other apps and nonces are independent', {
    skip,
  }, async () => {
    const first = new RedisNonceStore(a, prefix);
    const second = new RedisNonceStore(b, prefix);
    assert.equal(await first.claim('app1', 'n-1', 60_000), true);
    assert.equal(await second.claim('app1', 'n-1', 60_000), false);
    assert.equal(await first.claim('app1', 'n-1', 60_000), false);
    assert.equal(await second.claim('app2', 'n-1', 60_000), true);
    assert.equal(await second.claim('app1', 'n-2', 60_000), true);
  });

  test('concurrent claims of one nonce: exactly one wins', { skip }, async () => {
    const stores = [new RedisNonceStore(a, prefix), new RedisNonceStore(b, prefix)];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => stores[i % 2]!.claim('app1', 'race', 60_000)),
    );
    assert.equal(results.filter(Boolean).length, 1);
  });

  test('a nonce can be reused after its ttl', { skip }, async () => {
    const store = new RedisNonceStore(a, prefix);
    assert.equal(await store.claim('app1', 'short', 50), true);
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(await store.claim('app1', 'short', 50), true);
  });

  test('the rate limit is shared: a burst of `limit` then refusals, whichever process is asked', {
    skip,
  }, async () => {
    const limiters = [new RedisRateLimiter(a, prefix), new RedisRateLimiter(b, prefix)];
    const results: boolean[] = [];
    for (let i = 0; i < 12; i++) results.push(await limiters[i % 2]!.hit('app:x', 10));
    assert.deepEqual(results, [...Array(10).fill(true), false, false]);
    assert.equal(await limiters[0]!.hit('app:y', 10), true, 'other keys have their own bucket');
  });

  test('tokens refill at limit per minute', { skip }, async () => {
    const limiter = new RedisRateLimiter(a, prefix);
    // 600/min = one token per 100 ms; drain the bucket (it refills while we drain, hence the loop).
    let hits = 0;
    while (await limiter.hit('app:refill', 600)) hits++;
    assert.ok(hits >= 600 && hits < 1200, `drained after ${hits} hits`);
    await new Promise((r) => setTimeout(r, 250));
    assert.equal(await limiter.hit('app:refill', 600), true);
  });

  test('concurrent hits never exceed the limit', { skip }, async () => {
    const limiters = [new RedisRateLimiter(a, prefix), new RedisRateLimiter(b, prefix)];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => limiters[i % 2]!.hit('app:conc', 20)),
    );
    assert.equal(results.filter(Boolean).length, 20);
  });

  test('an unreachable Redis refuses with QUEUE_UNAVAILABLE instead of letting requests through', {
    skip,
  }, async () => {
    const limits = await createRedisLimits('redis://127.0.0.1:1?prefix=nowhere');
    try {
      await assert.rejects(limits.nonces.claim('app1', 'n', 1000), { code: 'QUEUE_UNAVAILABLE' });
      await assert.rejects(limits.limiter.hit('app:z', 10), { code: 'QUEUE_UNAVAILABLE' });
    } finally {
      await limits.close();
    }
  });
});
