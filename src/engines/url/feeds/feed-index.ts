import { parse as parseDomain } from 'tldts';
import type { ReportDetail } from '../details.js';
import { hostAndParents, type NormalizedUrl } from '../normalize.js';
import type { ProtectedTarget } from '../similarity/protected-targets.js';
import type { FeedEntry, FeedList } from './parse.js';

interface IndexEntry {
  path: string;
  list: FeedList;
  detail: ReportDetail | null;
  sourceId: string;
}

export interface FeedHit {
  detail: ReportDetail;
  /** The listed host that matched (the host itself or a parent). */
  host: string;
  path: string;
  sourceId: string;
}

export interface FeedLookup {
  /** An allowlist entry at least as specific as any block entry matched. */
  allowed: boolean;
  allowHost: string | null;
  blocks: FeedHit[];
}

function pathMatches(prefix: string, path: string): boolean {
  if (prefix === '') return true;
  const p = path.split('?')[0] ?? '';
  return p === prefix || p.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/**
 * In-memory index over every imported feed: a hash map from host to entries,
 * so a lookup costs one map probe per label of the host (host and parents
 * down to the registrable domain), independent of list size.
 */
export class FeedIndex {
  private hosts = new Map<string, IndexEntry[]>();
  private fuzzy: string[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  replace(entries: readonly (FeedEntry & { sourceId: string })[]): void {
    const hosts = new Map<string, IndexEntry[]>();
    const fuzzy = new Set<string>();
    for (const e of entries) {
      if (e.list === 'fuzzy') fuzzy.add(e.host);
      const list = hosts.get(e.host);
      const item: IndexEntry = { path: e.path, list: e.list, detail: e.detail, sourceId: e.sourceId };
      if (list) list.push(item);
      else hosts.set(e.host, [item]);
    }
    this.hosts = hosts;
    this.fuzzy = [...fuzzy];
    this.count = entries.length;
  }

  lookup(n: Pick<NormalizedUrl, 'host' | 'domain' | 'path'>): FeedLookup {
    const chain = hostAndParents(n);
    let allowDepth = Number.POSITIVE_INFINITY;
    let allowHost: string | null = null;
    let blockDepth = Number.POSITIVE_INFINITY;
    const blocks: FeedHit[] = [];
    const seen = new Set<string>();
    chain.forEach((host, depth) => {
      for (const e of this.hosts.get(host) ?? []) {
        if (!pathMatches(e.path, n.path)) continue;
        // A path entry is more specific than a host entry at the same depth.
        const specificity = depth - (e.path ? 0.5 : 0);
        if (e.list === 'allow' && specificity < allowDepth) {
          allowDepth = specificity;
          allowHost = host;
        } else if (e.list === 'block' && e.detail) {
          blockDepth = Math.min(blockDepth, specificity);
          if (!seen.has(e.detail)) {
            seen.add(e.detail);
            blocks.push({ detail: e.detail, host, path: e.path, sourceId: e.sourceId });
          }
        }
      }
    });
    // MetaMask's rule (allowlist first) applies when the allow entry is at least as specific as the block.
    const allowed = allowHost !== null && allowDepth <= blockDepth;
    return { allowed, allowHost, blocks: allowed ? [] : blocks };
  }

  /** Feed fuzzylist domains as extra protected targets for similarity detection. */
  fuzzyTargets(): ProtectedTarget[] {
    return this.fuzzy.map((host) => {
      const label = parseDomain(host, { allowPrivateDomains: true }).domainWithoutSuffix ?? host;
      return {
        brand: host,
        category: 'feed-fuzzylist',
        domains: [host],
        labels: label.length >= 3 ? [{ label, generic: false }] : [],
        source: 'feed',
      };
    });
  }
}
