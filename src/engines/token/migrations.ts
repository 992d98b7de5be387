import type { Migration } from '../../core/db/types.js';

/** Schema of the token engine (ids 0300-0399). */
export const tokenMigrations: Migration[] = [
  {
    id: '0301_token_index',
    sql: `
CREATE TABLE token_index (
  chain_id BIGINT NOT NULL,
  address TEXT NOT NULL,
  symbol TEXT NOT NULL,
  symbol_key TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  decimals INTEGER NOT NULL,
  source TEXT NOT NULL,
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  PRIMARY KEY (chain_id, address)
);
CREATE INDEX token_index_symbol ON token_index (symbol_key);
CREATE INDEX token_index_name ON token_index (name_key);
CREATE TABLE token_index_cursor (
  chain_id BIGINT NOT NULL,
  factory TEXT NOT NULL,
  last_block BIGINT NOT NULL,
  PRIMARY KEY (chain_id, factory)
);
`,
  },
];
