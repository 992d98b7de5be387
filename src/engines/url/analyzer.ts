import type { Logger } from 'pino';
import type { VigilConfig } from '../../core/config.js';
import type { Db } from '../../core/db/types.js';
import { isVigilError } from '../../core/errors.js';
import { URL_CHECKS } from './checks/index.js';
import type { CheckOutcome, ContentEvidence, RdapEvidence, UrlEvidence } from './checks/types.js';
import { analyzeContent } from './content/analyze.js';
import { BrandMatcher } from './content/brand-matcher.js';
import { extractFeatures } from './content/extract.js';
import { type ContentRule, loadContentRules } from './content/rules.js';
import type { DetailName, RiskDetail } from './details.js';
import { FeedIndex } from './feeds/feed-index.js';
import { type ImportReport, type ImportRequest, importUrlFeed } from './feeds/importer.js';
import type { UrlFeedFormat } from './feeds/parse.js';
import { feedsVersion, listFeeds, loadEntries } from './feeds/store.js';
import { loadTopSites } from './feeds/top-sites.js';
import type { PageFetcher } from './fetch/safe-fetch.js';
import { type NormalizedUrl, normalizeUrl } from './normalize.js';
import type { RdapClient } from './rdap/client.js';
import { aggregateRiskLevel } from './scoring.js';
import { SimilarityDetector, type SimilarityMatch } from './similarity/detector.js';
import {
  loadComboKeywords,
  loadProtectedTargets,
  type ProtectedTarget,
} from './similarity/protected-targets.js';

export interface CheckReport extends CheckOutcome {
  id: DetailName;
  stage: 'fast' | 'slow';
}

/** The URL engine's result: the vendor fields plus the evidence behind them. */
export interface UrlScanResult {
  input: string;
  valid: boolean;
  /** Why the input is invalid (risk_level -1). */
  message?: string;
  target: string | null;
  host: string | null;
  unicodeHost: string | null;
  domain: string | null;
  /** fast: feeds + similarity only; full: content and RDAP included. */
  stage: 'fast' | 'full';
  riskLevel: number;
  riskDetail: RiskDetail[];
  checks: CheckReport[];
  similarity: SimilarityMatch[];
  feeds: { allowed: boolean; allowHost: string | null };
  content: ContentEvidence;
  rdap: RdapEvidence;
  durationMs: number;
}

export interface UrlAnalyzerDeps {
  config: VigilConfig;
  db: Db;
  logger?: Logger;
  now(): number;
  /** The SSRF-safe fetcher for pages and scripts (and feed URLs). */
  fetch: PageFetcher;
  rdap: RdapClient;
  /** Replaces the default + configured protected targets (tests, benchmarks). */
  targets?: ProtectedTarget[];
  rules?: ContentRule[];
  /** How often (ms) lookups re-check the store for feeds imported by other processes. */
  feedPollMs?: number;
}

const MAX_SCRIPTS = 6;

export class UrlAnalyzer {
  readonly feedIndex = new FeedIndex();
  readonly similarity: SimilarityDetector;
  private readonly baseTargets: ProtectedTarget[];
  private readonly rules: ContentRule[];
  private readonly brands: BrandMatcher;
  private readonly topSites: Set<string>;
  private feedVersion: string | null = null;
  private lastPoll = 0;
  private reloading: Promise<void> | null = null;
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: UrlAnalyzerDeps) {
    this.baseTargets = deps.targets ?? loadProtectedTargets(deps.config.url.protectedTargetsFile);
    this.similarity = new SimilarityDetector(this.baseTargets, { keywords: loadComboKeywords() });
    this.rules = deps.rules ?? loadContentRules();
    this.brands = new BrandMatcher(this.baseTargets);
    this.topSites = loadTopSites();
  }

  /** Loads feeds from the store when they changed (cheap when not); call before `quick`. */
  async ready(): Promise<void> {
    const now = this.deps.now();
    if (this.feedVersion !== null && now - this.lastPoll < (this.deps.feedPollMs ?? 5_000)) return;
    this.lastPoll = now;
    if (!this.reloading) {
      this.reloading = this.reloadIfChanged().finally(() => {
        this.reloading = null;
      });
    }
    await this.reloading;
  }

  private async reloadIfChanged(): Promise<void> {
    const version = await feedsVersion(this.deps.db);
    if (version === this.feedVersion) return;
    this.feedIndex.replace(await loadEntries(this.deps.db));
    const fuzzy = this.feedIndex.fuzzyTargets();
    this.similarity.load(fuzzy.length ? [...this.baseTargets, ...fuzzy] : this.baseTargets);
    this.feedVersion = version;
  }

  async importFeed(req: ImportRequest): Promise<ImportReport> {
    const report = await importUrlFeed(req, {
      db: this.deps.db,
      topSites: this.topSites,
      fetch: this.deps.fetch,
      now: this.deps.now,
    });
    this.feedVersion = null;
    await this.ready();
    return report;
  }

  /**
   * Imports configured URL feeds that were never imported and schedules
   * `refreshMinutes` refreshes. Timers are unref'd; `close()` clears them.
   */
  async startFeedRefresh(): Promise<void> {
    const feeds = this.deps.config.feeds.filter((f) => f.format !== 'addresses');
    if (feeds.length === 0) return;
    const known = new Set((await listFeeds(this.deps.db)).map((f) => f.source));
    const run = async (f: (typeof feeds)[number]) => {
      try {
        const r = await this.importFeed({
          source: f.source,
          format: f.format as UrlFeedFormat,
          category: f.category,
        });
        this.deps.logger?.info({ feed: f.source, stored: r.stored, guarded: r.guarded }, 'url feed imported');
      } catch (err) {
        this.deps.logger?.warn({ feed: f.source, err: (err as Error).message }, 'url feed import failed');
      }
    };
    for (const f of feeds) {
      if (!known.has(f.source)) await run(f);
      if (f.refreshMinutes > 0) {
        const t = setInterval(() => void run(f), f.refreshMinutes * 60_000);
        t.unref();
        this.timers.push(t);
      }
    }
  }

  close(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  private settings() {
    return {
      youngDomainDays: this.deps.config.url.youngDomainDays,
      expiringDomainDays: this.deps.config.url.expiringDomainDays,
    };
  }

  private invalid(input: string, message: string, started: number): UrlScanResult {
    return {
      input,
      valid: false,
      message,
      target: null,
      host: null,
      unicodeHost: null,
      domain: null,
      stage: 'full',
      riskLevel: -1,
      riskDetail: [],
      checks: [],
      similarity: [],
      feeds: { allowed: false, allowHost: null },
      content: { status: 'skipped', reason: 'invalid input' },
      rdap: { status: 'skipped', reason: 'invalid input' },
      durationMs: performance.now() - started,
    };
  }

  private judge(
    evidence: UrlEvidence,
    stage: 'fast' | 'full',
    input: string,
    started: number,
  ): UrlScanResult {
    const outcomes = new Map<DetailName, CheckOutcome>();
    const checks: CheckReport[] = [];
    for (const check of URL_CHECKS) {
      const outcome = check.evaluate(evidence);
      outcomes.set(check.id, outcome);
      checks.push({ id: check.id, stage: check.stage, ...outcome });
    }
    const n = evidence.url;
    return {
      input,
      valid: true,
      target: n.target,
      host: n.host,
      unicodeHost: n.unicodeHost,
      domain: n.domain,
      stage,
      riskLevel: aggregateRiskLevel(outcomes),
      riskDetail: checks
        .filter((c) => c.status === 'triggered' && c.value)
        .map((c) => ({ name: c.id, value: c.value as string })),
      checks,
      similarity: evidence.similarity,
      feeds: { allowed: evidence.feeds.allowed, allowHost: evidence.feeds.allowHost },
      content: evidence.content,
      rdap: evidence.rdap,
      durationMs: performance.now() - started,
    };
  }

  private fastEvidence(n: NormalizedUrl): UrlEvidence {
    const feeds = this.feedIndex.lookup(n);
    return {
      url: n,
      feeds,
      similarity: feeds.allowed ? [] : this.similarity.detect(n),
      content: { status: 'pending' },
      rdap: { status: 'pending' },
      settings: this.settings(),
      now: this.deps.now(),
    };
  }

  /** Feeds + similarity, synchronous and offline. Call `ready()` first so feeds are current. */
  quick(input: string): UrlScanResult {
    const started = performance.now();
    const n = normalizeUrl(input);
    if (!n.ok) return this.invalid(String(input), n.message, started);
    return this.judge(this.fastEvidence(n.value), 'fast', n.value.input, started);
  }

  /** Everything: feeds, similarity, page content and RDAP (each bounded by its own deadline). */
  async full(
    input: string,
    signal?: AbortSignal,
    progress?: (p: number, step: string) => void,
  ): Promise<UrlScanResult> {
    const started = performance.now();
    await this.ready();
    const n = normalizeUrl(input);
    if (!n.ok) return this.invalid(String(input), n.message, started);
    const evidence = this.fastEvidence(n.value);
    progress?.(20, 'content+rdap');
    const [content, rdap] = await Promise.all([
      this.contentEvidence(n.value, evidence, signal),
      this.rdapEvidence(n.value, signal),
    ]);
    progress?.(95, 'scoring');
    return this.judge({ ...evidence, content, rdap, now: this.deps.now() }, 'full', n.value.input, started);
  }

  private async rdapEvidence(n: NormalizedUrl, signal?: AbortSignal): Promise<RdapEvidence> {
    if (!n.domain) return { status: 'skipped', reason: 'IP address: no domain registration' };
    return this.deps.rdap.lookup(n.domain, signal);
  }

  private pageUrls(n: NormalizedUrl): string[] {
    if (n.target !== n.host) return [n.target];
    return n.scheme === 'http' ? [`http://${n.host}/`] : [`https://${n.host}/`, `http://${n.host}/`];
  }

  private async contentEvidence(
    n: NormalizedUrl,
    ev: UrlEvidence,
    signal?: AbortSignal,
  ): Promise<ContentEvidence> {
    if (!this.deps.config.url.fetchPages)
      return { status: 'skipped', reason: 'page fetching is disabled (url.fetchPages)' };
    const reasons: string[] = [];
    for (const url of this.pageUrls(n)) {
      try {
        const page = await this.deps.fetch(url, signal ? { signal } : {});
        const features = extractFeatures(page.body);
        const srcs = features.scriptSrcs.slice(0, MAX_SCRIPTS);
        const scripts = await Promise.all(
          srcs.map(async (src) => {
            try {
              const res = await this.deps.fetch(new URL(src, page.url).href, {
                maxBytes: 524_288,
                ...(signal ? { signal } : {}),
              });
              return res.status === 200 ? res.body : '';
            } catch {
              return '';
            }
          }),
        );
        const verdict = analyzeContent({
          html: page.body,
          features,
          scripts,
          rules: this.rules,
          brands: this.brands,
          isOfficialFor: (t) =>
            ev.feeds.allowed ||
            this.similarity.officialBrand(n)?.brand === t.brand ||
            t.domains.includes(n.domain ?? ''),
        });
        return {
          status: 'ok',
          url: page.url,
          httpStatus: page.status,
          chain: page.chain,
          scripts: scripts.filter(Boolean).length,
          verdict,
        };
      } catch (err) {
        const reason =
          isVigilError(err) && err.code === 'TARGET_DENIED'
            ? `refused by target policy: ${err.message}`
            : (err as Error).message;
        reasons.push(reason);
        if (isVigilError(err) && err.code === 'TARGET_DENIED') break;
      }
    }
    return { status: 'unavailable', reason: `page could not be fetched: ${reasons.join('; ')}` };
  }
}
