import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqlite } from '../../src/core/db/sqlite.js';
import { runDbContract } from '../contract/db-contract.js';

runDbContract('SQLite (file, WAL)', async () =>
  openSqlite(path.join(mkdtempSync(path.join(tmpdir(), 'vigil-db-')), 'v.db')),
);
runDbContract('SQLite (memory)', async () => openSqlite(':memory:'));
