import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db, SqlParam } from './types.js';

type Sqlite = Database.Database;

/** Serializes access so an open transaction never interleaves with other callers' statements. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T> | T): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

function bind(params: readonly SqlParam[] | undefined): unknown[] {
  return (params ?? []).map((p) => (typeof p === 'boolean' ? Number(p) : p));
}

class SqliteHandle implements Db {
  readonly dialect = 'sqlite' as const;
  /** `lock` is null inside a transaction: the transaction already holds it. */
  constructor(
    protected readonly sqlite: Sqlite,
    private readonly lock: Mutex | null,
  ) {}

  private guard<T>(fn: () => T): Promise<T> {
    return this.lock ? this.lock.run(fn) : Promise.resolve().then(fn);
  }

  query<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.guard(() => this.sqlite.prepare(sql).all(...bind(params)) as T[]);
  }

  one<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.guard(() => this.sqlite.prepare(sql).get(...bind(params)) as T | undefined);
  }

  exec(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }> {
    return this.guard(() => {
      if (params && params.length > 0)
        return { changes: this.sqlite.prepare(sql).run(...bind(params)).changes };
      // Multi-statement scripts (migrations) cannot be prepared; they go through exec.
      const stmt = tryPrepare(this.sqlite, sql);
      if (!stmt) {
        this.sqlite.exec(sql);
        return { changes: 0 };
      }
      if (stmt.reader) {
        stmt.all();
        return { changes: 0 };
      }
      return { changes: stmt.run().changes };
    });
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (!this.lock) return fn(this);
    return this.lock.run(async () => {
      this.sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteHandle(this.sqlite, null));
        this.sqlite.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    await this.guard(() => {
      if (this.sqlite.open) this.sqlite.close();
    });
  }
}

function tryPrepare(sqlite: Sqlite, sql: string): Database.Statement | undefined {
  try {
    return sqlite.prepare(sql);
  } catch (err) {
    if (err instanceof RangeError || /contains more than one statement/i.test((err as Error).message)) {
      return undefined;
    }
    throw err;
  }
}

export class SqliteDb extends SqliteHandle {
  readonly file: string;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    const sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    // WAL + NORMAL: committed transactions survive a process crash (SIGKILL); only an OS crash may lose the last ones.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    super(sqlite, new Mutex());
    this.file = file;
  }
}

export function openSqlite(file: string): SqliteDb {
  return new SqliteDb(file);
}
