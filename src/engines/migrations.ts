import { coreMigrations } from '../core/db/core-migrations.js';
import type { Migration } from '../core/db/types.js';
import { webhookMigrations } from '../core/webhooks/migrations.js';
import { addressMigrations } from './address/labels/migrations.js';
import { hostMigrations } from './host/graph/migrations.js';
import { tokenMigrations } from './token/migrations.js';
import { urlMigrations } from './url/migrations.js';

/**
 * Every schema step of the product — core and engine tables — in one list so
 * both back ends apply the same history. It lives here, not in core, because
 * core must not import engines; the CLI hands it to `createRuntime`.
 */
export const ALL_MIGRATIONS: readonly Migration[] = [
  ...coreMigrations,
  ...webhookMigrations,
  ...addressMigrations,
  ...tokenMigrations,
  ...hostMigrations,
  ...urlMigrations,
].sort((a, b) => a.id.localeCompare(b.id));
