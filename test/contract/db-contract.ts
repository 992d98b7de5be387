import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrate } from '../../src/core/db/migrate.js';
import type { Db } from '../../src/core/db/types.js';
import { JobStore } from '../../src/core/jobs/store.js';
import type { Job } from '../../src/core/jobs/types.js';
import { ALL_MIGRATIONS } from '../../src/engines/migrations.js';

/**
 * The store contract every back end must pass (SQLite by default, PostgreSQL
 * in scale-out). `open` returns a fresh, empty database (its own file/schema).
 */
export function runDbContract(name: string, open: () => Promise<Db>): void {
  describe(`Db contract: ${name}`, () => {
    let db: Db;
    before(async () => {
      db = await open();
      await migrate(db, ALL_MIGRATIONS);
    });
    after(async () => {
      await db?.close();
    });

    it('applies migrations once', async () => {
      assert.deepEqual(await migrate(db, ALL_MIGRATIONS), []);
      const rows = await db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
      assert.deepEqual(
        rows.map((r) => r.id),
        [...ALL_MIGRATIONS].map((m) => m.id).sort(),
      );
    });

    it('binds ? placeholders and round-trips text, big integers, floats and nulls', async () => {
      await db.exec('CREATE TABLE t_types (k TEXT PRIMARY KEY, big BIGINT, f DOUBLE PRECISION, n TEXT)');
      await db.exec('INSERT INTO t_types (k, big, f, n) VALUES (?, ?, ?, ?)', [
        'a?b',
        1_795_000_000_123,
        0.25,
        null,
      ]);
      const row = await db.one<{ k: string; big: number; f: number; n: null }>(
        'SELECT * FROM t_types WHERE k = ?',
        ['a?b'],
      );
      assert.deepEqual(row, { k: 'a?b', big: 1_795_000_000_123, f: 0.25, n: null });
      assert.equal(await db.one('SELECT * FROM t_types WHERE k = ?', ['missing']), undefined);
    });

    it('supports ON CONFLICT upserts and RETURNING', async () => {
      await db.exec('CREATE TABLE t_up (k TEXT PRIMARY KEY, v BIGINT NOT NULL)');
      const sql =
        'INSERT INTO t_up (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = t_up.v + excluded.v RETURNING v';
      assert.equal((await db.one<{ v: number }>(sql, ['x', 5]))?.v, 5);
      assert.equal(Number((await db.one<{ v: number }>(sql, ['x', 7]))?.v), 12);
      const ignored = await db.exec('INSERT INTO t_up (k, v) VALUES (?, ?) ON CONFLICT (k) DO NOTHING', [
        'x',
        1,
      ]);
      assert.equal(ignored.changes, 0);
    });

    it('commits and rolls back transactions; nested calls join the outer one', async () => {
      await db.exec('CREATE TABLE t_tx (k TEXT PRIMARY KEY)');
      await db.transaction(async (tx) => {
        await tx.exec('INSERT INTO t_tx (k) VALUES (?)', ['kept']);
        await tx.transaction(async (inner) => inner.exec('INSERT INTO t_tx (k) VALUES (?)', ['nested']));
      });
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.exec('INSERT INTO t_tx (k) VALUES (?)', ['lost']);
          throw new Error('boom');
        }),
        /boom/,
      );
      const keys = (await db.query<{ k: string }>('SELECT k FROM t_tx ORDER BY k')).map((r) => r.k);
      assert.deepEqual(keys, ['kept', 'nested']);
    });

    it('isolates concurrent transactions from each other', async () => {
      await db.exec('CREATE TABLE t_conc (k TEXT PRIMARY KEY, v BIGINT NOT NULL)');
      await db.exec('INSERT INTO t_conc (k, v) VALUES (?, ?)', ['c', 0]);
      await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (tx) => {
            const row = await tx.one<{ v: number }>('SELECT v FROM t_conc WHERE k = ?', ['c']);
            await tx.exec('UPDATE t_conc SET v = ? WHERE k = ?', [Number(row?.v) + 1, 'c']);
          }),
        ).map((p) => p.catch(() => undefined)),
      );
      const final = Number((await db.one<{ v: number }>('SELECT v FROM t_conc WHERE k = ?', ['c']))?.v);
      // Serializable back ends may abort some; none may lose an update it reported as committed.
      assert.ok(final >= 1 && final <= 20);
    });

    describe('job store', () => {
      const base = (id: string, over: Partial<Job> = {}): Job => ({
        id,
        kind: 'test',
        target: 't',
        options: { a: 1 },
        dedupeKey: `key-${id}`,
        ownerAppId: null,
        state: 'new',
        progress: 0,
        step: null,
        attempts: 0,
        maxAttempts: 2,
        failureCode: null,
        failureMessage: null,
        result: null,
        createdAt: 1_000,
        updatedAt: 1_000,
        startedAt: null,
        finishedAt: null,
        runAfter: 1_000,
        ...over,
      });

      it('walks new → queued → running → done with result and progress', async () => {
        const store = new JobStore(db);
        await store.insert(base('j1'));
        assert.equal(await store.markQueued('j1', 1_001), true);
        assert.equal(await store.markQueued('j1', 1_002), false);
        const claimed = await store.claim('j1', 1_003);
        assert.equal(claimed?.state, 'running');
        assert.equal(claimed?.attempts, 1);
        await store.progress('j1', 40, 'half', 1_004);
        assert.equal((await store.get('j1'))?.progress, 40);
        assert.equal(await store.complete('j1', { ok: true, n: [1, 2] }, 1_005), true);
        const done = await store.get('j1');
        assert.equal(done?.state, 'done');
        assert.deepEqual(done?.result, { ok: true, n: [1, 2] });
        assert.equal(done?.finishedAt, 1_005);
        assert.equal(await store.claim('j1', 1_006), undefined, 'a finished job is never claimed again');
      });

      it('finds duplicates that are active or done within the window, never failed ones', async () => {
        const store = new JobStore(db);
        await store.insert(base('d1', { dedupeKey: 'dup', createdAt: 2_000 }));
        assert.equal((await store.findDuplicate('dup', 1_500))?.id, 'd1');
        assert.equal(await store.findDuplicate('dup', 2_001), undefined);
        await store.fail('d1', 'X', 'failed', 2_100);
        assert.equal(await store.findDuplicate('dup', 1_500), undefined);
      });

      it('requeues with backoff and refunds interrupted attempts', async () => {
        const store = new JobStore(db);
        await store.insert(base('r1'));
        await store.claim('r1', 3_000);
        assert.equal(
          await store.requeue('r1', 9_000, 3_001, { code: 'UPSTREAM_UNAVAILABLE', message: 'down' }),
          true,
        );
        let job = await store.get('r1');
        assert.equal(job?.state, 'queued');
        assert.equal(job?.runAfter, 9_000);
        assert.equal(job?.attempts, 1);
        await store.claim('r1', 9_001);
        await store.requeue('r1', 9_002, 9_002, null, true);
        job = await store.get('r1');
        assert.equal(job?.attempts, 1, 'shutdown interruptions do not use up attempts');
      });

      it('lists newest first with a stable cursor and filters', async () => {
        const store = new JobStore(db);
        for (let i = 0; i < 5; i++)
          await store.insert(base(`l${i}`, { kind: 'listing', createdAt: 10_000 + i }));
        const first = await store.list({ kind: 'listing', limit: 2 });
        assert.deepEqual(
          first.map((j) => j.id),
          ['l4', 'l3'],
        );
        const last = first[1] as Job;
        const second = await store.list({
          kind: 'listing',
          limit: 2,
          before: `${last.createdAt}:${last.id}`,
        });
        assert.deepEqual(
          second.map((j) => j.id),
          ['l2', 'l1'],
        );
        const counts = await store.countByKindAndState();
        assert.ok(counts.some((c) => c.kind === 'listing' && c.state === 'new' && c.count === 5));
      });

      it('reports every unfinished job for recovery', async () => {
        const store = new JobStore(db);
        await store.insert(base('a1', { kind: 'recover', state: 'running' }));
        await store.insert(base('a2', { kind: 'recover', state: 'queued' }));
        await store.insert(base('a3', { kind: 'recover', state: 'done' }));
        const ids = (await store.active()).filter((j) => j.kind === 'recover').map((j) => j.id);
        assert.deepEqual(ids.sort(), ['a1', 'a2']);
      });
    });
  });
}
