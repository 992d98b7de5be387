import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Db } from '../../../core/db/types.js';
import { VigilError } from '../../../core/errors.js';
import type { PageFetcher } from '../fetch/safe-fetch.js';
import { detectFormat, parseFeed, type UrlFeedFormat } from './parse.js';
import { feedSourceId, saveFeed } from './store.js';
import { isGuarded } from './top-sites.js';

export interface ImportRequest {
  /** File path or http(s) URL. */
  source: string;
  format?: UrlFeedFormat;
  category?: string;
}

export interface ImportReport {
  id: string;
  source: string;
  format: UrlFeedFormat;
  category: string;
  stored: number;
  block: number;
  allow: number;
  fuzzy: number;
  /** Block entries dropped by the top-sites guard. */
  guarded: number;
  guardedSample: string[];
  rejected: number;
  rejectedSample: { item: string; reason: string }[];
}

export interface ImportDeps {
  db: Db;
  topSites: ReadonlySet<string>;
  /** Used for http(s) sources (the SSRF-safe fetcher). */
  fetch?: PageFetcher;
  now(): number;
}

const MAX_FEED_BYTES = 64 * 1024 * 1024;

export async function readFeedSource(source: string, fetch: PageFetcher | undefined): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    if (!fetch) throw new VigilError('CONFIG_INVALID', 'No fetcher configured for feed URLs');
    const page = await fetch(source, { maxBytes: MAX_FEED_BYTES, timeoutMs: 60_000 });
    if (page.status !== 200)
      throw new VigilError('UPSTREAM_UNAVAILABLE', `Feed ${source} answered HTTP ${page.status}`);
    if (page.truncated)
      throw new VigilError('UPSTREAM_UNAVAILABLE', `Feed ${source} is larger than ${MAX_FEED_BYTES} bytes`);
    return page.body;
  }
  try {
    return await readFile(source, 'utf8');
  } catch (err) {
    throw new VigilError('VALIDATION_FAILED', `Cannot read feed file ${source}: ${(err as Error).message}`);
  }
}

/** Reads, parses, guards and stores one feed, replacing what that source imported before. */
export async function importUrlFeed(req: ImportRequest, deps: ImportDeps): Promise<ImportReport> {
  const text = await readFeedSource(req.source, deps.fetch);
  const format = req.format ?? detectFormat(req.source, text);
  const category = req.category ?? 'phishing';
  const parsed = parseFeed(text, format, category, req.source);
  const kept = [];
  const guardedSample: string[] = [];
  let guarded = 0;
  for (const entry of parsed.entries) {
    if (isGuarded(entry, deps.topSites)) {
      guarded++;
      if (guardedSample.length < 20) guardedSample.push(entry.host);
      continue;
    }
    kept.push(entry);
  }
  const id = feedSourceId(req.source);
  await saveFeed(
    deps.db,
    {
      id,
      source: req.source,
      format,
      category,
      importedAt: deps.now(),
      entryCount: kept.length,
      guardedCount: guarded,
      rejectedCount: parsed.rejectedCount,
      sha256: createHash('sha256').update(text).digest('hex'),
    },
    kept,
  );
  return {
    id,
    source: req.source,
    format,
    category,
    stored: kept.length,
    block: kept.filter((e) => e.list === 'block').length,
    allow: kept.filter((e) => e.list === 'allow').length,
    fuzzy: kept.filter((e) => e.list === 'fuzzy').length,
    guarded,
    guardedSample,
    rejected: parsed.rejectedCount,
    rejectedSample: parsed.rejected,
  };
}
