import { after, test } from 'node:test';
import { openPostgres } from '../../src/core/db/postgres.js';
import { runDbContract } from '../contract/db-contract.js';
import { dropSchema, pgSkip, pgUrlWithSchema, uniqueName } from './services.js';

// The same store contract SQLite passes (test/core/db-sqlite.test.ts), on a real PostgreSQL.
const skip = await pgSkip();
if (skip) {
  test('Db contract: PostgreSQL', { skip }, () => {});
} else {
  const schemas: string[] = [];
  after(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });
  runDbContract('PostgreSQL', async () => {
    const schema = uniqueName('contract');
    schemas.push(schema);
    return openPostgres(pgUrlWithSchema(schema), { poolSize: 4 });
  });
}
