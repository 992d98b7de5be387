import type { PlatformChainConfig } from '../../core/config.js';
import type { EngineFactoryContext } from '../../core/engine.js';
import { isVigilError } from '../../core/errors.js';
import { createSourceResolver } from '../contract/sources/index.js';
import type { SourceLookup } from './collect-facts.js';

/** Platform key under which chains' own `explorer` settings are exposed to the source providers. */
const CHAIN_EXPLORER_PLATFORM = 'vigil-chain';

/**
 * is_open_source through the contract engine's source providers (local tree,
 * Etherscan-compatible explorer, Sourcify), which name contracts by
 * platform/chain. A chain id maps to the first `platforms[p][c]` whose
 * `chainId` matches, else to the chain's own `explorer` from `chains`.
 * Returns undefined when no provider covers any configured chain.
 */
export function createSourceLookupFromConfig(ctx: EngineFactoryContext): SourceLookup | undefined {
  const byChainId = new Map<number, { platform: string; chain: string }>();
  for (const [platform, chains] of Object.entries(ctx.config.platforms)) {
    for (const [chain, cfg] of Object.entries(chains)) {
      if (cfg.chainId !== undefined && !byChainId.has(cfg.chainId))
        byChainId.set(cfg.chainId, { platform, chain });
    }
  }
  const synthesized: Record<string, PlatformChainConfig> = {};
  for (const chain of ctx.config.chains) {
    if (byChainId.has(chain.id) || !chain.explorer) continue;
    synthesized[String(chain.id)] = {
      apiUrl: chain.explorer.apiUrl,
      ...(chain.explorer.apiKey ? { apiKey: chain.explorer.apiKey } : {}),
      ...(chain.explorer.browserUrl ? { browserUrl: chain.explorer.browserUrl } : {}),
      chainId: chain.id,
      currency: chain.nativeSymbol,
    };
    byChainId.set(chain.id, { platform: CHAIN_EXPLORER_PLATFORM, chain: String(chain.id) });
  }
  if (byChainId.size === 0) return undefined;
  const platforms = Object.keys(synthesized).length
    ? { ...ctx.config.platforms, [CHAIN_EXPLORER_PLATFORM]: synthesized }
    : ctx.config.platforms;
  const resolver = createSourceResolver({
    config: {
      platforms,
      dataDir: ctx.config.dataDir,
      ...(ctx.config.sourcify ? { sourcify: ctx.config.sourcify } : {}),
    },
    db: ctx.db,
    now: ctx.now,
  });
  return async (chainId, address) => {
    const ref = byChainId.get(chainId);
    if (!ref)
      return { verified: false, provider: null, note: `no source provider configured for chain ${chainId}` };
    try {
      const fetched = await resolver.provider.fetch({ ...ref, address });
      return { verified: true, provider: fetched.meta.provider, bundle: fetched.bundle };
    } catch (err) {
      if (isVigilError(err) && err.code === 'CONTRACT_NOT_VERIFIED')
        return { verified: false, provider: ref.platform };
      return undefined;
    }
  };
}
