import type { Engine, EngineFactoryContext } from '../../core/engine.js';
import { VigilError } from '../../core/errors.js';
import { createTargetPolicy, type HostResolver } from '../../core/net/target-policy.js';
import { UrlAnalyzer, type UrlAnalyzerDeps, type UrlScanResult } from './analyzer.js';
import { createSafeFetcher, type PageFetcher } from './fetch/safe-fetch.js';
import { normalizeUrl } from './normalize.js';
import { RdapBootstrap } from './rdap/bootstrap.js';
import { RdapClient } from './rdap/client.js';
import { renderMarkdown, renderTable } from './render.js';
import { failOnThreshold } from './scoring.js';

export type { UrlScanResult } from './analyzer.js';
export { UrlAnalyzer } from './analyzer.js';

export interface UrlEngine extends Engine<UrlScanResult> {
  kind: 'url';
  analyzer: UrlAnalyzer;
  close(): void;
}

/** Injected I/O, for tests and embedding: everything defaults from config. */
export interface UrlEngineOverrides {
  resolver?: HostResolver;
  fetch?: PageFetcher;
  rdapBootstrap?: RdapBootstrap;
  targets?: UrlAnalyzerDeps['targets'];
  startFeedRefresh?: boolean;
}

export function isUrlEngine(engine: Engine | undefined): engine is UrlEngine {
  return engine?.kind === 'url' && 'analyzer' in engine;
}

export function createUrlEngine(ctx: EngineFactoryContext, overrides: UrlEngineOverrides = {}): UrlEngine {
  const { config } = ctx;
  const policy = createTargetPolicy(
    config.targetPolicy,
    overrides.resolver ? { resolver: overrides.resolver } : {},
  );
  const fetch = overrides.fetch ?? createSafeFetcher(policy);
  const bootstrap = overrides.rdapBootstrap ?? RdapBootstrap.load(config.url.rdapBootstrapFile ?? undefined);
  const rdap = new RdapClient({ bootstrap, fetch, timeoutMs: config.url.rdapTimeoutMs, now: ctx.now });
  const analyzer = new UrlAnalyzer({
    config,
    db: ctx.db,
    logger: ctx.logger,
    now: ctx.now,
    fetch,
    rdap,
    ...(overrides.targets ? { targets: overrides.targets } : {}),
  });
  if (overrides.startFeedRefresh ?? true) {
    // Feeds live in the store, which is migrated after engines are created: start on the next tick.
    setImmediate(() => {
      analyzer
        .startFeedRefresh()
        .catch((err: unknown) => ctx.logger.warn({ err }, 'url feed refresh did not start'));
    });
  }
  return {
    kind: 'url',
    title: 'dApp URL / domain risk',
    analyzer,
    close: () => analyzer.close(),
    defaults: { concurrency: 8, timeoutMs: 60_000, maxAttempts: 2 },
    normalize(target) {
      const n = normalizeUrl(target);
      if (!n.ok)
        throw new VigilError('INVALID_TARGET', `Invalid URL or domain: ${n.message}`, {
          details: { target },
        });
      return { target: n.value.target, options: {} };
    },
    async run(target, _options, engineCtx) {
      return analyzer.full(target, engineCtx.signal, (p, step) => engineCtx.progress(p, step));
    },
    render: {
      table: renderTable,
      markdown: renderMarkdown,
      exceeds: (result, level) => result.riskLevel >= failOnThreshold(level),
    },
  };
}
