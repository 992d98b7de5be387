import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { migrate } from '../../../src/core/db/migrate.js';
import { openSqlite } from '../../../src/core/db/sqlite.js';
import type { Db } from '../../../src/core/db/types.js';
import { importAddressList, parseAddressList } from '../../../src/engines/address/labels/import.js';
import { AddressLabelStore } from '../../../src/engines/address/labels/store.js';
import { ALL_MIGRATIONS } from '../../../src/engines/migrations.js';

const A = '0x1111111111111111111111111111111111111111';
const B = '0x2222222222222222222222222222222222222222';
const C = '0x3333333333333333333333333333333333333333';

let db: Db;
before(async () => {
  db = openSqlite(':memory:');
  await migrate(db, ALL_MIGRATIONS);
});
after(async () => db.close());

test('plain list with comments, default category, aliases and bad lines', () => {
  const { rows, skipped } = parseAddressList({
    source: 'list.txt',
    category: 'drainer',
    text: `# drainers seen this week\n${A}\n${B},OFAC,Lazarus\n${C},hacker # exploit of X\nnot-an-address\n${A},weird-category\n`,
  });
  assert.deepEqual(
    rows.map((r) => [r.address, r.category, r.label]),
    [
      [A, 'drainer', null],
      [B, 'sanctioned', 'Lazarus'],
      [C, 'exploiter', null],
    ],
  );
  assert.deepEqual(
    skipped.map((s) => s.line),
    [5, 6],
  );
});

test('JSON arrays and objects of arrays', () => {
  assert.deepEqual(
    parseAddressList({
      source: 'x.json',
      text: JSON.stringify([{ address: A, category: 'mixer', chainId: 56 }, B]),
    }).rows.map((r) => [r.address, r.category, r.chainId]),
    [
      [A, 'mixer', 56],
      [B, 'scam', 0],
    ],
  );
  assert.deepEqual(
    parseAddressList({ source: 'y.json', text: JSON.stringify({ phishing: [A], scam: [C] }) }).rows.map(
      (r) => r.category,
    ),
    ['phishing', 'scam'],
  );
  assert.throws(() => parseAddressList({ source: 'z.json', text: '[{' }), { code: 'VALIDATION_FAILED' });
  assert.throws(() => parseAddressList({ source: 'z', text: A, category: 'nope' }), {
    code: 'VALIDATION_FAILED',
  });
});

test('import stores labels; re-importing a source replaces its rows; chain 0 matches every chain', async () => {
  const first = await importAddressList(db, { source: 'feed-a', text: `${A},phishing\n${B},scam` });
  assert.equal(first.imported, 2);
  assert.deepEqual(first.byCategory, { phishing: 1, scam: 1 });
  await importAddressList(db, { source: 'feed-b', chainId: 56, text: `${C},drainer` });
  const store = new AddressLabelStore(db);
  assert.deepEqual(await store.labelsOf(1, A.toUpperCase().replace('0X', '0x')), [
    { category: 'phishing', source: 'feed-a', label: null },
  ]);
  assert.deepEqual(await store.labelsOf(1, C), []);
  assert.equal((await store.labelsOf(56, C))[0]?.category, 'drainer');
  await importAddressList(db, { source: 'feed-a', text: `${A},phishing` });
  assert.deepEqual(await store.labelsOf(1, B), []);
  assert.equal((await store.labelled(56, [A, B, C])).size, 2);
});
