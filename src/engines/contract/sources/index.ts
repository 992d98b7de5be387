import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VigilConfig } from '../../../core/config.js';
import type { Db } from '../../../core/db/types.js';
import { VigilError } from '../../../core/errors.js';
import { type CachedSourceProvider, type SourceCacheOptions, withSourceCache } from './cache.js';
import { createEtherscanProvider } from './etherscan-client.js';
import { formatExplorerTarget, looksLikeExplorerTarget, parseExplorerTarget } from './explorer-target.js';
import { firstAvailable } from './fallback.js';
import type { HttpRetryOptions } from './http.js';
import { createLocalDirectoryProvider } from './local-directory.js';
import { createSourcifyProvider } from './sourcify-client.js';
import type { ContractRef, ContractSourceMeta, FetchedSource, SourceFiles, SourceProvider } from './types.js';

export { withSourceCache } from './cache.js';
export { createEtherscanProvider } from './etherscan-client.js';
export { parseEtherscanSourceCode } from './etherscan-format.js';
export {
  formatExplorerTarget,
  looksLikeExplorerTarget,
  parseExplorerTarget,
  platformChainConfig,
} from './explorer-target.js';
export { firstAvailable } from './fallback.js';
export { createLocalDirectoryProvider } from './local-directory.js';
export { createSourcifyProvider } from './sourcify-client.js';
export type * from './types.js';

/** Default local source directory: `<dataDir>/contract-sources`, used when it exists. */
export const LOCAL_SOURCES_DIR = 'contract-sources';

export interface SourceResolverOptions {
  config: Pick<VigilConfig, 'platforms' | 'sourcify' | 'dataDir'>;
  db?: Db;
  /** Local source tree; default `<dataDir>/contract-sources` when present. */
  localRoot?: string;
  http?: HttpRetryOptions;
  cache?: Omit<SourceCacheOptions, 'db'>;
  now?: () => number;
}

/** What the contract engine calls for `<platform>/<chain>/<address>` targets. */
export interface SourceResolver {
  /** Throws INVALID_TARGET or UNSUPPORTED_CHAIN without any I/O (for `Engine.normalize`). */
  check(target: string): ContractRef;
  fetch(target: string | ContractRef, options?: { signal?: AbortSignal }): Promise<FetchedSource>;
  provider: CachedSourceProvider;
}

/**
 * Builds the configured chain of source providers: the local tree first (an
 * operator's copy wins), then the platform's Etherscan-compatible explorer,
 * then Sourcify; cached by platform/chain/address in `kv_cache`.
 */
export function createSourceResolver(options: SourceResolverOptions): SourceResolver {
  const { config } = options;
  const now = options.now ?? Date.now;
  const providers: SourceProvider[] = [];
  const defaultLocal = path.join(config.dataDir, LOCAL_SOURCES_DIR);
  const localRoot = options.localRoot ?? (existsSync(defaultLocal) ? defaultLocal : undefined);
  if (localRoot) providers.push(createLocalDirectoryProvider({ root: localRoot, now }));
  providers.push(createEtherscanProvider({ ...options.http, config, now }));
  if (config.sourcify?.url)
    providers.push(createSourcifyProvider({ ...options.http, url: config.sourcify.url, config, now }));
  const provider = withSourceCache(firstAvailable(providers), {
    ...options.cache,
    now,
    ...(options.db ? { db: options.db } : {}),
  });

  function check(target: string): ContractRef {
    const ref = parseExplorerTarget(target);
    if (!localRoot && !config.platforms[ref.platform]?.[ref.chain]) {
      const configured = Object.entries(config.platforms).flatMap(([p, chains]) =>
        Object.keys(chains).map((c) => `${p}/${c}`),
      );
      throw new VigilError(
        'UNSUPPORTED_CHAIN',
        `Platform/chain "${ref.platform}/${ref.chain}" is not configured${configured.length ? ` (configured: ${configured.join(', ')})` : ''}.`,
        { details: { platform: ref.platform, chain: ref.chain, configured } },
      );
    }
    return ref;
  }

  return {
    check,
    provider,
    fetch(target, fetchOptions = {}) {
      const ref = typeof target === 'string' ? check(target) : check(formatExplorerTarget(target));
      return provider.fetch(ref, fetchOptions);
    },
  };
}

/** The contract engine's explorer hook (see ExplorerSourceHook in ../engine.ts), backed by a resolver. */
export interface ExplorerHook {
  matches(target: string): boolean;
  check(target: string): string;
  load(target: string, signal: AbortSignal): Promise<SourceFiles & { meta: ContractSourceMeta }>;
}

export function explorerHook(resolver: SourceResolver): ExplorerHook {
  return {
    matches: looksLikeExplorerTarget,
    check: (target) => formatExplorerTarget(resolver.check(target)),
    async load(target, signal) {
      const { bundle, meta } = await resolver.fetch(target, { signal });
      return { ...bundle, meta };
    },
  };
}

/** What `createProductEngines` passes to the contract engine: the configured providers, cached in the store. */
export function createExplorerSourceHook(ctx: {
  config: SourceResolverOptions['config'];
  db?: Db;
}): ExplorerHook {
  return explorerHook(createSourceResolver({ config: ctx.config, ...(ctx.db ? { db: ctx.db } : {}) }));
}
