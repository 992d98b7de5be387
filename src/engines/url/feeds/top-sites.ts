import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeedEntry } from './parse.js';

export const DEFAULT_TOP_SITES_FILE = fileURLToPath(new URL('../data/top-sites.txt', import.meta.url));

export function loadTopSites(file = DEFAULT_TOP_SITES_FILE): Set<string> {
  return new Set(
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
}

/**
 * The top-sites guard: a host-only block entry naming a top site itself (or
 * its `www.` host, or a first-party host listed in the file such as
 * docs.google.com) would block a platform everyone uses. Tenant subdomains
 * (`evil.weebly.com`, `promo.netlify.com`) and host+path entries pass: they
 * name one user's site or one page.
 */
export function isGuarded(entry: FeedEntry, topSites: ReadonlySet<string>): boolean {
  if (entry.list !== 'block' || entry.path !== '') return false;
  if (topSites.has(entry.host)) return true;
  return entry.host.startsWith('www.') && topSites.has(entry.host.slice(4));
}
