import type { Db, Migration } from './types.js';

/** Applies each migration once, in id order, each in its own transaction. Returns the ids applied now. */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)',
  );
  const done = new Set((await db.query<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id));
  const applied: string[] = [];
  const ordered = [...migrations].sort((a, b) => a.id.localeCompare(b.id));
  for (const migration of ordered) {
    if (done.has(migration.id)) continue;
    const sql = typeof migration.sql === 'string' ? migration.sql : migration.sql[db.dialect];
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.exec('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [
        migration.id,
        Date.now(),
      ]);
    });
    applied.push(migration.id);
  }
  return applied;
}
