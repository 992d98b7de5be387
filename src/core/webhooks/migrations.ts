import type { Migration } from '../db/types.js';

/** Outgoing webhooks (ids 041x, host range: the ingest face introduced them). */
export const webhookMigrations: Migration[] = [
  {
    id: '0410_webhooks',
    sql: `
CREATE TABLE webhook_secrets (
  owner TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE webhook_subscriptions (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL,
  owner TEXT NOT NULL,
  url TEXT NOT NULL,
  headers TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX webhook_subscriptions_state ON webhook_subscriptions (state, created_at);
CREATE INDEX webhook_subscriptions_job ON webhook_subscriptions (job_id);
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  subscription_id TEXT NOT NULL UNIQUE,
  job_id TEXT NOT NULL,
  owner TEXT NOT NULL,
  url TEXT NOT NULL,
  headers TEXT NOT NULL,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT,
  last_status INTEGER,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  delivered_at BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_job ON webhook_deliveries (job_id);
CREATE TABLE webhook_attempts (
  delivery_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  at BIGINT NOT NULL,
  status INTEGER,
  error TEXT,
  duration_ms BIGINT NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);
CREATE TABLE webhook_disabled_urls (
  url TEXT PRIMARY KEY,
  disabled_at BIGINT NOT NULL,
  reason TEXT NOT NULL
);
`,
  },
];
