/** Shared by scripts/eval-urls.ts and bench/urls: the labeled set, the test feed, offline analyzers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/core/config.js';
import { migrate } from '../src/core/db/migrate.js';
import { openSqlite } from '../src/core/db/sqlite.js';
import { UrlAnalyzer } from '../src/engines/url/analyzer.js';
import type { PageFetcher } from '../src/engines/url/fetch/safe-fetch.js';
import { urlMigrations } from '../src/engines/url/migrations.js';
import { RdapBootstrap } from '../src/engines/url/rdap/bootstrap.js';
import { RdapClient } from '../src/engines/url/rdap/client.js';
import { loadProtectedTargets } from '../src/engines/url/similarity/protected-targets.js';

const EVAL = new URL('../test/fixtures/url/eval/', import.meta.url);
const lines = (f: string) =>
  readFileSync(new URL(f, EVAL), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

export interface Lookalike {
  domain: string;
  rule: string;
  brand: string;
}

export function labeledSet(): { lookalikes: Lookalike[]; feedOnly: string[]; legit: string[] } {
  const lookalikes = lines('lookalikes.txt').map((l) => {
    const [domain = '', rule = '', brand = ''] = l.split('\t');
    return { domain, rule, brand };
  });
  return { lookalikes, feedOnly: lines('feed-only.txt'), legit: lines('legit.txt') };
}

/**
 * The feed used "with feeds": an eth-phishing-detect config a community might publish. It lists
 * every feed-only phishing domain, one look-alike in four (partial coverage, as real feeds have),
 * four popular sites by mistake (the top-sites guard must drop them) and an allowlist.
 */
export function writeTestFeed(): {
  file: string;
  config: { blacklist: string[]; whitelist: string[]; fuzzylist: string[]; tolerance: number };
} {
  const { lookalikes, feedOnly } = labeledSet();
  const blacklist = [
    ...feedOnly,
    ...lookalikes.filter((_, i) => i % 4 === 0).map((l) => l.domain),
    'x.com',
    'calendly.com',
    'docs.google.com',
    'github.com',
  ];
  const whitelist = ['uniswap.org', 'metamask.io', 'opensea.io', 'pancakeswap.finance'];
  const config = { version: 1, tolerance: 2, fuzzylist: [] as string[], whitelist, blacklist };
  const file = path.join(tmpdir(), `vigil-eval-feed-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(config));
  return { file, config };
}

/** An analyzer for offline (fast) checks: in-memory store, no network. */
export async function offlineAnalyzer(): Promise<UrlAnalyzer> {
  const db = openSqlite(':memory:');
  await migrate(db, urlMigrations);
  const config = parseConfig({ log: { level: 'silent' } });
  const noNetwork: PageFetcher = () => Promise.reject(new Error('offline'));
  const rdap = new RdapClient({
    bootstrap: new RdapBootstrap({ services: [] }),
    fetch: noNetwork,
    timeoutMs: 100,
    now: Date.now,
  });
  const analyzer = new UrlAnalyzer({ config, db, now: Date.now, fetch: noNetwork, rdap, feedPollMs: 60_000 });
  await analyzer.ready();
  return analyzer;
}

export interface EthPhishingDetector {
  check(domain: string): { result: boolean; type: string };
}

/** MetaMask's eth-phishing-detect with the given lists. */
export function ethPhishingDetect(config: {
  blacklist: string[];
  whitelist: string[];
  fuzzylist: string[];
  tolerance: number;
}): EthPhishingDetector {
  const require = createRequire(import.meta.url);
  const Detector = require('eth-phishing-detect/src/detector') as new (c: unknown) => EthPhishingDetector;
  return new Detector(config);
}

/** The protected official domains, as eth-phishing-detect's fuzzylist ("same lists"). */
export function protectedDomains(): string[] {
  return [...new Set(loadProtectedTargets().flatMap((t) => t.domains))];
}

/** eth-phishing-detect checks hostnames: give it the punycode host without path. */
export function hostOf(domain: string): string {
  return new URL(`http://${domain}`).hostname;
}
