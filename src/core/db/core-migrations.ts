import type { Migration } from './types.js';

export const coreMigrations: Migration[] = [
  {
    id: '0001_core_jobs',
    sql: `
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  options TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  owner_app_id TEXT,
  state TEXT NOT NULL,
  progress INTEGER NOT NULL DEFAULT 0,
  step TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  failure_code TEXT,
  failure_message TEXT,
  result TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  started_at BIGINT,
  finished_at BIGINT,
  run_after BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX jobs_dedupe ON jobs (dedupe_key, created_at);
CREATE INDEX jobs_state_kind ON jobs (state, kind);
CREATE INDEX jobs_created ON jobs (created_at, id);
CREATE INDEX jobs_kind_target ON jobs (kind, target, created_at);
`,
  },
  {
    id: '0002_core_auth',
    sql: `
CREATE TABLE apps (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  roles TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT,
  expires_at BIGINT,
  rate_per_minute INTEGER,
  max_requests BIGINT,
  request_count BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE credentials (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id),
  kind TEXT NOT NULL,
  lookup TEXT NOT NULL,
  secret_hash TEXT,
  secret_enc TEXT,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE UNIQUE INDEX credentials_lookup ON credentials (kind, lookup);
CREATE INDEX credentials_app ON credentials (app_id);
CREATE TABLE nonces (
  app_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (app_id, nonce)
);
CREATE INDEX nonces_expiry ON nonces (expires_at);
`,
  },
  {
    id: '0003_core_kv_cache',
    sql: `
CREATE TABLE kv_cache (
  namespace TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  expires_at BIGINT,
  PRIMARY KEY (namespace, key)
);
`,
  },
];
