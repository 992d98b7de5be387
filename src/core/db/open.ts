import path from 'node:path';
import { VigilError } from '../errors.js';
import { migrate } from './migrate.js';
import { openSqlite } from './sqlite.js';
import type { Db, Migration } from './types.js';

/**
 * Opens the store named by config `store` and brings its schema up to date
 * with `migrations` (the product's list is src/engines/migrations.ts):
 * `sqlite:<file>` (relative to dataDir; `sqlite::memory:` for throwaway) or
 * `postgres://...` / `postgresql://...`.
 */
export async function openDb(store: string, dataDir: string, migrations: readonly Migration[]): Promise<Db> {
  let db: Db;
  if (store.startsWith('sqlite:')) {
    const file = store.slice('sqlite:'.length) || 'vigil.db';
    db = openSqlite(file === ':memory:' ? file : path.resolve(dataDir, file));
  } else if (/^postgres(ql)?:\/\//.test(store)) {
    const mod = (await import('./postgres.js').catch((err: unknown) => {
      throw new VigilError('CONFIG_INVALID', `PostgreSQL store unavailable: ${(err as Error).message}`);
    })) as { openPostgres(url: string): Promise<Db> };
    db = await mod.openPostgres(store);
  } else {
    throw new VigilError('CONFIG_INVALID', `Unknown store "${store}": use sqlite:<file> or postgres://...`);
  }
  // Several processes may start at once against one PostgreSQL: migrate under a cluster-wide lock.
  const lockable = db as Db & { withAdvisoryLock?<T>(name: string, fn: () => Promise<T>): Promise<T> };
  if (lockable.withAdvisoryLock)
    await lockable.withAdvisoryLock('vigil-migrate', () => migrate(db, migrations));
  else await migrate(db, migrations);
  return db;
}
