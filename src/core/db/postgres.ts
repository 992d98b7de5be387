import pg from 'pg';
import type { Db, SqlParam } from './types.js';

/**
 * PostgreSQL back end of the portable `Db` (scale-out mode, `store: postgres://...`).
 *
 * - SQL is written once with `?` placeholders; they become `$1..$n` here, except
 *   inside string literals, quoted identifiers, comments and dollar-quoted bodies.
 * - BIGINT (int8) and NUMERIC come back as JavaScript numbers, as SQLite returns them.
 * - Transactions run on one dedicated pooled client at SERIALIZABLE isolation and
 *   are retried on serialization failures / deadlocks, so read-then-write code
 *   (dedupe windows, quota counters) keeps the guarantees SQLite's single writer
 *   gives it. Nested calls join the outer transaction. Because a transaction body
 *   may run more than once, it must only touch the database.
 * - `?schema=name` in the URL isolates a deployment (or a test) in its own schema,
 *   created on open; `?pool=N` sizes the connection pool (default 10).
 */

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
const MAX_TX_ATTEMPTS = 12;

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

const translated = new Map<string, string>();

/** Rewrites `?` placeholders to `$n`, leaving literals, identifiers and comments alone. Cached per SQL text. */
export function toPositional(sql: string): string {
  const cached = translated.get(sql);
  if (cached !== undefined) return cached;
  let out = '';
  let n = 0;
  let i = 0;
  const len = sql.length;
  while (i < len) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === "'") {
      // E'...' strings allow backslash escapes; standard strings only double the quote.
      const prev = sql[i - 1];
      const escapes = (prev === 'E' || prev === 'e') && !/[\w$]/.test(sql[i - 2] ?? '');
      let j = i + 1;
      while (j < len) {
        if (escapes && sql[j] === '\\') j += 2;
        else if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
        else if (sql[j] === "'") break;
        else j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < len && !(sql[j] === '"' && sql[j + 1] !== '"')) j += sql[j] === '"' ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const j = end === -1 ? len : end;
      out += sql.slice(i, j);
      i = j;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      const j = end === -1 ? len : end + 2;
      out += sql.slice(i, j);
      i = j;
    } else if (ch === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$[A-Za-z_]?\w*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        const j = end === -1 ? len : end + tag.length;
        out += sql.slice(i, j);
        i = j;
      } else {
        out += ch;
        i++;
      }
    } else if (ch === '?') {
      n++;
      out += `$${n}`;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  if (translated.size < 5000) translated.set(sql, out);
  return out;
}

function bind(params: readonly SqlParam[] | undefined): unknown[] {
  return (params ?? []).map((p) => (typeof p === 'bigint' ? p.toString() : p));
}

interface Queryable {
  query(text: string, values?: unknown[]): Promise<pg.QueryResult | pg.QueryResult[]>;
}

function changesOf(result: pg.QueryResult | pg.QueryResult[]): number {
  const results = Array.isArray(result) ? result : [result];
  return results.reduce((sum, r) => sum + (r.command === 'SELECT' ? 0 : (r.rowCount ?? 0)), 0);
}

function rowsOf<T>(result: pg.QueryResult | pg.QueryResult[]): T[] {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return (last?.rows ?? []) as T[];
}

class PostgresHandle implements Db {
  readonly dialect = 'postgres' as const;
  constructor(protected readonly target: Queryable) {}

  async query<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return rowsOf<T>(await this.run(sql, params));
  }

  async one<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return (await this.query<T>(sql, params))[0];
  }

  async exec(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }> {
    return { changes: changesOf(await this.run(sql, params)) };
  }

  private run(sql: string, params?: readonly SqlParam[]): Promise<pg.QueryResult | pg.QueryResult[]> {
    // Without parameters the simple protocol runs multi-statement scripts (migrations) as one call.
    if (!params || params.length === 0) return this.target.query(sql);
    return this.target.query(toPositional(sql), bind(params));
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }

  async close(): Promise<void> {}
}

export interface PostgresOptions {
  /** Schema to create and use (search_path); overrides `?schema=` in the URL. */
  schema?: string;
  /** Pool size; overrides `?pool=` in the URL. */
  poolSize?: number;
}

export class PostgresDb extends PostgresHandle {
  readonly schema: string | undefined;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    schema: string | undefined,
  ) {
    super(pool as unknown as Queryable);
    this.schema = schema;
  }

  override async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        const result = await fn(new PostgresHandle(client as unknown as Queryable));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        const code = (err as { code?: unknown }).code;
        if (typeof code === 'string' && RETRYABLE_SQLSTATES.has(code) && attempt < MAX_TX_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
          continue;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    }
  }

  /**
   * Runs fn while holding a cluster-wide advisory lock (e.g. migrations when
   * several processes start at once). The lock lives on its own client, so fn
   * may use this Db freely.
   */
  async withAdvisoryLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
      }
    } finally {
      client.release();
    }
  }

  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Parses Vigil's extra URL parameters (`schema`, `pool`) and leaves the rest to `pg`. */
export function parsePostgresUrl(
  url: string,
  options: PostgresOptions = {},
): {
  connectionString: string;
  schema: string | undefined;
  poolSize: number;
} {
  const parsed = new URL(url);
  const schema = options.schema ?? (parsed.searchParams.get('schema') || undefined);
  const poolParam = parsed.searchParams.get('pool');
  parsed.searchParams.delete('schema');
  parsed.searchParams.delete('pool');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name "${schema}" (lower-case letters, digits, underscore)`);
  }
  const poolSize = options.poolSize ?? (poolParam ? Number(poolParam) : 10);
  if (!Number.isInteger(poolSize) || poolSize < 1)
    throw new Error(`invalid PostgreSQL pool size "${poolParam}"`);
  return { connectionString: parsed.toString(), schema, poolSize };
}

/** Two processes starting together both run CREATE SCHEMA IF NOT EXISTS; the loser's duplicate error is benign. */
async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code !== '23505' && code !== '42P06') throw err;
  }
}

/** Connects (verifying the server answers), creates the schema when one is named, and returns the pooled Db. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDb> {
  const { connectionString, schema, poolSize } = parsePostgresUrl(url, options);
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    types: typeParsers,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  try {
    if (schema) await createSchema(pool, schema);
    else await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => {});
    const safeUrl = connectionString.replace(/\/\/[^@/]*@/, '//***@');
    throw new Error(`cannot open PostgreSQL store ${safeUrl}: ${(err as Error).message}`, { cause: err });
  }
  return new PostgresDb(pool, schema);
}
