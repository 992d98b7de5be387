import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { migrate } from '../../src/core/db/migrate.js';
import { openPostgres, type PostgresDb, parsePostgresUrl, toPositional } from '../../src/core/db/postgres.js';
import { ALL_MIGRATIONS } from '../../src/engines/migrations.js';
import { dropSchema, pgSkip, pgUrlWithSchema, uniqueName } from './services.js';

describe('toPositional', () => {
  test('numbers placeholders in order', () => {
    assert.equal(
      toPositional('SELECT * FROM t WHERE a = ? AND b IN (?, ?)'),
      'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)',
    );
  });
  test('leaves string literals, quoted identifiers, comments and dollar quotes alone', () => {
    const sql = `SELECT '?', 'it''s ?', "col?", E'\\' ?', $tag$ ? $tag$, $$ ? $$ -- why?\n, ? /* ? */, ?`;
    assert.equal(
      toPositional(sql),
      `SELECT '?', 'it''s ?', "col?", E'\\' ?', $tag$ ? $tag$, $$ ? $$ -- why?\n, $1 /* ? */, $2`,
    );
  });
  test('positional parameters already written stay as they are', () => {
    assert.equal(toPositional('SELECT $1::int'), 'SELECT $1::int');
  });
});

describe('parsePostgresUrl', () => {
  test('takes schema and pool from the URL and strips them for pg', () => {
    const parsed = parsePostgresUrl('postgres://u@h:5432/db?schema=vigil_a&pool=4&sslmode=disable');
    assert.equal(parsed.schema, 'vigil_a');
    assert.equal(parsed.poolSize, 4);
    assert.equal(parsed.connectionString, 'postgres://u@h:5432/db?sslmode=disable');
  });
  test('refuses a schema name that is not a plain identifier', () => {
    assert.throws(() => parsePostgresUrl('postgres://h/db?schema=a;drop'), /invalid PostgreSQL schema/);
  });
});

describe('PostgresDb on a real server', async () => {
  const skip = await pgSkip();
  const schema = uniqueName('db');
  let db: PostgresDb;

  before(async () => {
    if (skip) return;
    db = await openPostgres(pgUrlWithSchema(schema));
    await db.exec(`
      CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT NOT NULL, x DOUBLE PRECISION, note TEXT);
      CREATE TABLE counter (k TEXT PRIMARY KEY, v BIGINT NOT NULL);
    `);
  });
  after(async () => {
    if (skip) return;
    await db.close();
    await dropSchema(schema);
  });

  test('query, one and exec with ? placeholders; BIGINT and COUNT come back as numbers', {
    skip,
  }, async () => {
    const big = 1_700_000_000_123;
    assert.deepEqual(
      await db.exec('INSERT INTO t (id, n, x, note) VALUES (?, ?, ?, ?)', ['a', big, 1.5, 'what?']),
      {
        changes: 1,
      },
    );
    await db.exec('INSERT INTO t (id, n, x, note) VALUES (?, ?, ?, ?)', ['b', 2n, null, null]);
    const row = await db.one<{ id: string; n: number; x: number; note: string }>(
      'SELECT * FROM t WHERE id = ?',
      ['a'],
    );
    assert.deepEqual(row, { id: 'a', n: big, x: 1.5, note: 'what?' });
    const count = await db.one<{ c: number; s: number }>(
      "SELECT COUNT(*) AS c, SUM(n) AS s FROM t WHERE note <> '?' OR note IS NULL",
    );
    assert.deepEqual(count, { c: 2, s: big + 2 });
    assert.equal(await db.one('SELECT * FROM t WHERE id = ?', ['missing']), undefined);
  });

  test('ON CONFLICT DO UPDATE and RETURNING work and report changes', { skip }, async () => {
    const upsert =
      'INSERT INTO counter (k, v) VALUES (?, 1) ON CONFLICT (k) DO UPDATE SET v = counter.v + 1 RETURNING v';
    assert.deepEqual(await db.query(upsert, ['k']), [{ v: 1 }]);
    assert.deepEqual(await db.query(upsert, ['k']), [{ v: 2 }]);
    assert.deepEqual(await db.exec('UPDATE counter SET v = 0 WHERE k = ?', ['nope']), { changes: 0 });
  });

  test('a failing transaction rolls back; nested calls join the outer one', { skip }, async () => {
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.exec('INSERT INTO t (id, n) VALUES (?, ?)', ['rolled', 1]);
        await tx.transaction(async (inner) => {
          await inner.exec('INSERT INTO t (id, n) VALUES (?, ?)', ['inner', 1]);
        });
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await db.one("SELECT id FROM t WHERE id IN ('rolled', 'inner')"), undefined);
    await db.transaction(async (tx) => {
      await tx.exec('INSERT INTO t (id, n) VALUES (?, ?)', ['kept', 1]);
      await tx.transaction((inner) => inner.exec('INSERT INTO t (id, n) VALUES (?, ?)', ['kept2', 1]));
    });
    assert.equal((await db.query("SELECT id FROM t WHERE id IN ('kept', 'kept2')")).length, 2);
  });

  test('concurrent read-then-write transactions do not lose updates (serializable + retry)', {
    skip,
  }, async () => {
    await db.exec("INSERT INTO counter (k, v) VALUES ('rw', 0)");
    // Each transaction reads, waits, then writes what it read + 1: without serializable retries most updates are lost.
    await Promise.all(
      Array.from({ length: 8 }, () =>
        db.transaction(async (tx) => {
          const row = await tx.one<{ v: number }>('SELECT v FROM counter WHERE k = ?', ['rw']);
          await new Promise((r) => setTimeout(r, 5));
          await tx.exec('UPDATE counter SET v = ? WHERE k = ?', [(row?.v ?? 0) + 1, 'rw']);
        }),
      ),
    );
    assert.deepEqual(await db.one('SELECT v FROM counter WHERE k = ?', ['rw']), { v: 8 });
  });

  test('the shared migrations apply once, and a second run applies nothing', { skip }, async () => {
    const first = await migrate(db, ALL_MIGRATIONS);
    assert.deepEqual(
      first,
      ALL_MIGRATIONS.map((m) => m.id),
    );
    assert.deepEqual(await migrate(db, ALL_MIGRATIONS), []);
    const tables = await db.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name',
      [schema],
    );
    assert.ok(tables.some((t) => t.table_name === 'jobs'));
  });

  test('schemas isolate: another schema does not see these tables', { skip }, async () => {
    const other = uniqueName('iso');
    const db2 = await openPostgres(pgUrlWithSchema(other));
    try {
      await assert.rejects(db2.query('SELECT * FROM t'), /does not exist/);
    } finally {
      await db2.close();
      await dropSchema(other);
    }
  });

  test('withAdvisoryLock serializes concurrent migrators across pools', { skip }, async () => {
    const other = uniqueName('mig');
    const url = pgUrlWithSchema(other);
    const [a, b] = await Promise.all([openPostgres(url), openPostgres(url)]);
    try {
      const runs = await Promise.all(
        [a, b].map((d) => d.withAdvisoryLock('vigil-migrate', () => migrate(d, ALL_MIGRATIONS))),
      );
      assert.deepEqual(runs.map((r) => r.length).sort(), [0, ALL_MIGRATIONS.length]);
    } finally {
      await a.close();
      await b.close();
      await dropSchema(other);
    }
  });

  test('a server that is not there fails with a clear message', { skip }, async () => {
    await assert.rejects(
      openPostgres('postgres://postgres@127.0.0.1:1/test'),
      /cannot open PostgreSQL store/,
    );
  });
});
