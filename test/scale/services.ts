import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * The real PostgreSQL and Redis the scale-out tests run against
 * (`scripts/ci-services.sh` starts them in CI). Each test isolates itself in a
 * fresh PostgreSQL schema and a fresh Redis key prefix and removes both after.
 * When a server is not reachable the tests skip, naming the server.
 */
export const PG_URL = process.env.VIGIL_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.VIGIL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let pgState: Promise<string | false> | undefined;
let redisState: Promise<string | false> | undefined;

/** false when PostgreSQL answers, else the reason to skip. */
export function pgSkip(): Promise<string | false> {
  pgState ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return false as const;
    } catch (err) {
      return `PostgreSQL not reachable at ${PG_URL} (${(err as Error).message}); run scripts/ci-services.sh`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgState;
}

/** false when Redis answers, else the reason to skip. */
export function redisSkip(): Promise<string | false> {
  redisState ??= (async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000 });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.ping();
      return false as const;
    } catch (err) {
      return `Redis not reachable at ${REDIS_URL} (${(err as Error).message}); run scripts/ci-services.sh`;
    } finally {
      redis.disconnect();
    }
  })();
  return redisState;
}

export async function scaleSkip(): Promise<string | false> {
  return (await pgSkip()) || (await redisSkip());
}

/** A unique, valid schema name / key prefix for one test. */
export function uniqueName(label: string): string {
  return `vt_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export function pgUrlWithSchema(schema: string): string {
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  return url.toString();
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Deletes every Redis key under the prefix (BullMQ queues, nonces, rate buckets). */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
