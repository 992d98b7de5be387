import type { Migration } from '../../../core/db/types.js';

/** Entity graph of host scans (ids 04xx). Portable SQL: TEXT, BIGINT, JSON as TEXT. */
export const hostMigrations: Migration[] = [
  {
    id: '0400_host_entity_graph',
    sql: `
CREATE TABLE host_entities (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  attributes TEXT NOT NULL,
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  seen_count BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX host_entities_type ON host_entities (type, last_seen);
CREATE INDEX host_entities_value ON host_entities (value);
CREATE TABLE host_entity_attributes (
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (entity_id, name)
);
CREATE INDEX host_entity_attributes_lookup ON host_entity_attributes (name, value);
CREATE TABLE host_relations (
  id TEXT PRIMARY KEY,
  entity_id TEXT NOT NULL,
  related_entity_id TEXT NOT NULL,
  label TEXT NOT NULL,
  mode TEXT NOT NULL,
  attributes TEXT NOT NULL,
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  seen_count BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX host_relations_from ON host_relations (entity_id);
CREATE INDEX host_relations_to ON host_relations (related_entity_id);
CREATE TABLE host_scan_entities (
  scan_id TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (scan_id, entity_id)
);
CREATE TABLE host_scan_relations (
  scan_id TEXT NOT NULL,
  relation_id TEXT NOT NULL,
  PRIMARY KEY (scan_id, relation_id)
);
`,
  },
];
