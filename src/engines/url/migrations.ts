import type { Migration } from '../../core/db/types.js';

/** URL engine tables (ids 05xx). Portable SQL: SQLite and PostgreSQL. */
export const urlMigrations: Migration[] = [
  {
    id: '0501_url_feeds',
    sql: `
CREATE TABLE url_feed_sources (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  category TEXT NOT NULL,
  imported_at BIGINT NOT NULL,
  entry_count BIGINT NOT NULL,
  guarded_count BIGINT NOT NULL,
  rejected_count BIGINT NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE TABLE url_feed_entries (
  source_id TEXT NOT NULL,
  host TEXT NOT NULL,
  path TEXT NOT NULL,
  list TEXT NOT NULL,
  detail TEXT NOT NULL,
  PRIMARY KEY (source_id, host, path, list, detail)
);
CREATE INDEX url_feed_entries_host ON url_feed_entries (host);
`,
  },
];
