import { Redis } from 'ioredis';
import { VigilError } from '../errors.js';
import { parseQueueUrl } from '../queue/bullmq.js';
import type { NonceStore, RateLimiter } from './limits.js';

/**
 * Replay protection and rate limits shared by every API process through Redis
 * (scale-out mode). Keys live under `<prefix>:nonce:` and `<prefix>:rate:`, so
 * several deployments (or test runs) can share one Redis.
 */

/** Redis being down refuses the request with a retryable 503 rather than an opaque 500. */
async function unavailableAs<T>(op: Promise<T>): Promise<T> {
  try {
    return await op;
  } catch (err) {
    throw new VigilError(
      'QUEUE_UNAVAILABLE',
      `Redis (nonces/rate limits) is unavailable: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}

/** A nonce is claimed by the first `SET NX`; any other process sees the key and refuses the replay. */
export class RedisNonceStore implements NonceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async claim(appId: string, nonce: string, ttlMs: number): Promise<boolean> {
    const key = `${this.prefix}:nonce:${appId.length}:${appId}:${nonce}`;
    const ok = await unavailableAs(this.redis.set(key, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX'));
    return ok === 'OK';
  }
}

/**
 * The same token bucket as MemoryRateLimiter (`limit` per minute, bursts up to
 * `limit`), evaluated atomically in Redis with Redis's own clock so processes
 * on machines with skewed clocks agree. An idle bucket is full after a minute,
 * so its key expires then.
 */
const TOKEN_BUCKET_LUA = `
local limit = tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = limit
  at = now
end
tokens = math.min(limit, tokens + math.max(0, now - at) * limit / 60000)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], 60000)
return allowed
`;

type WithBucket = Redis & {
  vigilTokenBucket(key: string, limit: number): Promise<number>;
};

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: WithBucket;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    if (!('vigilTokenBucket' in redis)) {
      redis.defineCommand('vigilTokenBucket', { numberOfKeys: 1, lua: TOKEN_BUCKET_LUA });
    }
    this.redis = redis as WithBucket;
  }

  async hit(key: string, limitPerMinute: number): Promise<boolean> {
    if (!(limitPerMinute > 0)) return false;
    return (
      (await unavailableAs(this.redis.vigilTokenBucket(`${this.prefix}:rate:${key}`, limitPerMinute))) === 1
    );
  }
}

/** Entry point used by the runtime: nonces and rate limits on the queue's Redis, under the same prefix. */
export async function createRedisLimits(
  url: string,
  deps: { prefix?: string } = {},
): Promise<{ nonces: RedisNonceStore; limiter: RedisRateLimiter; close(): Promise<void> }> {
  const parsed = parseQueueUrl(url);
  const prefix = deps.prefix ?? parsed.prefix ?? 'vigil';
  const redis = new Redis(parsed.redisUrl, { maxRetriesPerRequest: 3 });
  redis.on('error', () => undefined);
  return {
    nonces: new RedisNonceStore(redis, prefix),
    limiter: new RedisRateLimiter(redis, prefix),
    async close() {
      await redis.quit().catch(() => undefined);
    },
  };
}
