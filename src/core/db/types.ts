/**
 * A minimal portable SQL surface shared by the SQLite (default) and PostgreSQL
 * back ends. SQL is written once with `?` placeholders and types both accept:
 * TEXT, BIGINT (integers, milliseconds), DOUBLE PRECISION, JSON stored as TEXT,
 * booleans as INTEGER 0/1; `INSERT ... ON CONFLICT ... DO UPDATE` and `RETURNING`
 * work in both. Never put a literal `?` inside a SQL string literal.
 */
export type SqlParam = string | number | bigint | null | Buffer;

export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  one<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  exec(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }>;
  /** Runs fn inside a transaction; nested calls join the outer transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A schema step. Ids sort lexically and are applied once, in order; ranges:
 * 0000-0099 core, 0100 contract, 0200 address/chain, 0300 token, 0400 host,
 * 0500 url, 0900 scale-out. `sql` may differ per dialect where it must.
 */
export interface Migration {
  id: string;
  sql: string | { sqlite: string; postgres: string };
}
