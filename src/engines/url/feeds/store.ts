import { createHash } from 'node:crypto';
import type { Db } from '../../../core/db/types.js';
import type { ReportDetail } from '../details.js';
import type { FeedEntry, FeedList } from './parse.js';

export interface FeedSourceRow {
  id: string;
  source: string;
  format: string;
  category: string;
  importedAt: number;
  entryCount: number;
  guardedCount: number;
  rejectedCount: number;
  sha256: string;
}

export interface StoredEntry extends FeedEntry {
  sourceId: string;
}

export function feedSourceId(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

const CHUNK = 150;

/** Replaces every entry of one source atomically. */
export async function saveFeed(db: Db, meta: FeedSourceRow, entries: readonly FeedEntry[]): Promise<void> {
  const unique = new Map<string, FeedEntry>();
  for (const e of entries) unique.set(`${e.host}\u0000${e.path}\u0000${e.list}\u0000${e.detail ?? ''}`, e);
  const rows = [...unique.values()];
  await db.transaction(async (tx) => {
    await tx.exec('DELETE FROM url_feed_entries WHERE source_id = ?', [meta.id]);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const values = chunk.map(() => '(?, ?, ?, ?, ?)').join(', ');
      const params = chunk.flatMap((e) => [meta.id, e.host, e.path, e.list, e.detail ?? '']);
      await tx.exec(
        `INSERT INTO url_feed_entries (source_id, host, path, list, detail) VALUES ${values}`,
        params,
      );
    }
    await tx.exec(
      `INSERT INTO url_feed_sources (id, source, format, category, imported_at, entry_count, guarded_count, rejected_count, sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET source = excluded.source, format = excluded.format, category = excluded.category,
         imported_at = excluded.imported_at, entry_count = excluded.entry_count, guarded_count = excluded.guarded_count,
         rejected_count = excluded.rejected_count, sha256 = excluded.sha256`,
      [
        meta.id,
        meta.source,
        meta.format,
        meta.category,
        meta.importedAt,
        rows.length,
        meta.guardedCount,
        meta.rejectedCount,
        meta.sha256,
      ],
    );
  });
}

export async function removeFeed(db: Db, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.exec('DELETE FROM url_feed_entries WHERE source_id = ?', [id]);
    const { changes } = await tx.exec('DELETE FROM url_feed_sources WHERE id = ?', [id]);
    return changes > 0;
  });
}

interface SourceDbRow {
  id: string;
  source: string;
  format: string;
  category: string;
  imported_at: number | string;
  entry_count: number | string;
  guarded_count: number | string;
  rejected_count: number | string;
  sha256: string;
}

export async function listFeeds(db: Db): Promise<FeedSourceRow[]> {
  const rows = await db.query<SourceDbRow>('SELECT * FROM url_feed_sources ORDER BY imported_at, id');
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    format: r.format,
    category: r.category,
    importedAt: Number(r.imported_at),
    entryCount: Number(r.entry_count),
    guardedCount: Number(r.guarded_count),
    rejectedCount: Number(r.rejected_count),
    sha256: r.sha256,
  }));
}

export async function loadEntries(db: Db): Promise<StoredEntry[]> {
  const rows = await db.query<{
    source_id: string;
    host: string;
    path: string;
    list: string;
    detail: string;
  }>('SELECT source_id, host, path, list, detail FROM url_feed_entries');
  return rows.map((r) => ({
    sourceId: r.source_id,
    host: r.host,
    path: r.path,
    list: r.list as FeedList,
    detail: r.detail === '' ? null : (r.detail as ReportDetail),
  }));
}

/** Changes whenever any feed is imported or removed, so every process can notice and reload. */
export async function feedsVersion(db: Db): Promise<string> {
  const row = await db.one<{
    n: number | string;
    latest: number | string | null;
    total: number | string | null;
  }>('SELECT COUNT(*) AS n, MAX(imported_at) AS latest, SUM(entry_count) AS total FROM url_feed_sources');
  return `${row?.n ?? 0}:${row?.latest ?? 0}:${row?.total ?? 0}`;
}
