import type { Address } from 'viem';
import { ChainReader } from '../../chain/reader.js';
import { type ChainRegistry, createChainRegistry } from '../../chain/registry.js';
import type { Engine, EngineFactoryContext, NormalizedTarget } from '../../core/engine.js';
import { VigilError } from '../../core/errors.js';
import type { JobOptions } from '../../core/jobs/types.js';
import { addressEnginePrivileges, type PrivilegeInspector } from './privileges/owner-privileges.js';
import { exceeds, renderMarkdown, renderTable } from './render.js';
import { parseTokenQuery } from './resolve/parse-target.js';
import { findCandidates } from './resolve/resolve-target.js';
import { TokenIndexStore } from './resolve/token-index.js';
import { shippedTokenLists } from './resolve/token-lists.js';
import { scanToken } from './scan.js';
import { createTokenSettings } from './settings.js';
import type { TokenScanResult } from './types.js';

export interface TokenEngineOverrides {
  chains?: ChainRegistry;
  /** Replaces the address engine's owner analysis (null = skip it). */
  privileges?: PrivilegeInspector | null;
}

function chainIdOption(options: JobOptions): number | undefined {
  const raw = options.chainId ?? options.chain_id;
  if (raw === undefined || raw === null) return undefined;
  const n = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
    throw new VigilError('VALIDATION_FAILED', 'option chainId must be a positive integer');
  }
  return n;
}

/** The token scam / rug-pull engine (kind `token`): resolution, pools, LP, holders, simulation, scoring. */
export function createTokenEngine(
  ctx: EngineFactoryContext,
  overrides: TokenEngineOverrides = {},
): Engine<TokenScanResult> {
  const settings = createTokenSettings(ctx.config);
  const chains = overrides.chains ?? createChainRegistry(ctx.config.chains);
  const index = new TokenIndexStore(ctx.db, ctx.now);
  const privileges =
    overrides.privileges === undefined ? addressEnginePrivileges(ctx.db, ctx.now) : overrides.privileges;
  const networkName = (chainId: number) => {
    const c = ctx.config.chains.find((x) => x.id === chainId);
    return c?.network ?? c?.name ?? String(chainId);
  };
  const rpcStats = () => {
    let requests = 0;
    let roundTrips = 0;
    for (const id of chains.ids()) {
      const s = chains.get(id).stats;
      requests += s.requests;
      roundTrips += s.roundTrips;
    }
    return { requests, roundTrips };
  };
  /** One reader per chain per scan, pinned at the head when first used, so every read sees one block. */
  const pinnedReaders = () => {
    const readers = new Map<number, Promise<ChainReader>>();
    return (chainId: number) => {
      let r = readers.get(chainId);
      if (!r) {
        r = ChainReader.atLatest(chains.get(chainId));
        readers.set(chainId, r);
        r.catch(() => readers.delete(chainId));
      }
      return r;
    };
  };

  return {
    kind: 'token',
    title: 'Token scam / rug-pull scan',
    defaults: { timeoutMs: 120_000 },
    async normalize(target, options): Promise<NormalizedTarget> {
      const query = parseTokenQuery(target);
      const chainId = chainIdOption(options);
      if (chainId !== undefined && !chains.has(chainId)) {
        throw new VigilError('INVALID_TARGET', `token-not-found: chain ${chainId} is not configured`);
      }
      const normalizedOptions: JobOptions = chainId !== undefined ? { chainId } : {};
      const chainIds = chainId !== undefined ? [chainId] : chains.ids();
      try {
        const candidates = await findCandidates(query, {
          readerFor: pinnedReaders(),
          chainIds,
          settings,
          lists: await shippedTokenLists(),
          index,
        });
        if (candidates.length === 0) {
          throw new VigilError(
            'INVALID_TARGET',
            `token-not-found: no token matches ${target.trim()} on the configured chains`,
          );
        }
      } catch (err) {
        // Unreachable RPC at submit time: accept; the job reports rpc-unavailable instead of a false 404.
        if (err instanceof VigilError && err.code === 'INVALID_TARGET') throw err;
      }
      return { target: query.kind === 'address' ? query.address : query.symbol, options: normalizedOptions };
    },
    async run(target, options, runCtx) {
      const lists = await shippedTokenLists();
      const chainId = chainIdOption(options);
      return scanToken(target, chainId !== undefined ? { chainId } : {}, {
        readerFor: pinnedReaders(),
        chainIds: chains.ids(),
        settings,
        lists,
        index,
        privileges,
        networkName,
        rpcStats,
        now: ctx.now,
        progress: (p, s) => runCtx.progress(p, s),
        signal: runCtx.signal,
      });
    },
    render: { table: renderTable, markdown: renderMarkdown, exceeds },
  };
}

export type { Address };
