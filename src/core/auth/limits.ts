import type { Db } from '../db/types.js';

/** Remembers signed-request nonces; must be shared by every API process (DB or Redis). */
export interface NonceStore {
  /** true when the nonce was new and is now recorded; false on replay. */
  claim(appId: string, nonce: string, ttlMs: number): Promise<boolean>;
}

/** Per-key request rate limit; shared across processes in scale-out mode (Redis). */
export interface RateLimiter {
  /** true when the request is allowed. */
  hit(key: string, limitPerMinute: number): Promise<boolean>;
}

export class DbNonceStore implements NonceStore {
  private claims = 0;
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async claim(appId: string, nonce: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    if (++this.claims % 1000 === 0) await this.db.exec('DELETE FROM nonces WHERE expires_at < ?', [now]);
    const r = await this.db.exec(
      'INSERT INTO nonces (app_id, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT (app_id, nonce) DO NOTHING',
      [appId, nonce, now + ttlMs],
    );
    return r.changes > 0;
  }
}

/** Token bucket per key: `limit` requests per minute with bursts up to `limit`. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly now: () => number) {}

  async hit(key: string, limitPerMinute: number): Promise<boolean> {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: limitPerMinute, at: now };
    bucket.tokens = Math.min(limitPerMinute, bucket.tokens + ((now - bucket.at) * limitPerMinute) / 60_000);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return allowed;
  }
}
