import type { Migration } from '../../../core/db/types.js';

/**
 * Address labels imported from feeds (phishing, scam, sanctioned, drainer,
 * exploiter, mixer). chain_id 0 means "any EVM chain" (most lists are per
 * address, not per chain). Addresses are stored lower-case.
 */
export const addressMigrations: Migration[] = [
  {
    id: '0200_address_labels',
    sql: `CREATE TABLE IF NOT EXISTS address_labels (
  chain_id BIGINT NOT NULL,
  address TEXT NOT NULL,
  category TEXT NOT NULL,
  source TEXT NOT NULL,
  label TEXT,
  imported_at BIGINT NOT NULL,
  PRIMARY KEY (chain_id, address, category, source)
);
CREATE INDEX IF NOT EXISTS address_labels_address ON address_labels (address);`,
  },
];
