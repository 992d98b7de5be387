import type { Address } from 'viem';
import type { ChainReader } from '../../../chain/reader.js';
import { VigilError } from '../../../core/errors.js';
import { readTokenMetadata, type TokenMetadata } from '../facts/token-facts.js';
import { findPools, type PoolSurvey } from '../pools/find-pools.js';
import { isUnreachable, tokenFailure } from '../reasons.js';
import type { TokenSettings } from '../settings.js';
import type { TokenQuery } from './parse-target.js';
import { indexRecentPairs, type TokenIndexStore } from './token-index.js';
import type { ListedToken, TokenListIndex } from './token-lists.js';

export interface Candidate {
  chainId: number;
  address: Address;
  source: string;
}

export interface EvaluatedCandidate extends Candidate {
  metadata: TokenMetadata;
  pools: PoolSurvey;
  /** Comparable depth: USD when priced, else quote value in native units. */
  liquidityUsd: number | null;
  liquidityNative: number;
}

export interface Resolution {
  query: string;
  chosen: EvaluatedCandidate;
  /** Present when more than one token matched (several chains, or several tokens sharing a symbol). */
  ambiguity: {
    rule: 'deepest-liquidity';
    candidates: {
      chainId: number;
      address: Address;
      name: string;
      symbol: string;
      source: string;
      liquidityUsd: number | null;
      liquidityNative: number;
    }[];
  } | null;
}

export interface ResolveDeps {
  readerFor(chainId: number): Promise<ChainReader>;
  chainIds: number[];
  settings: TokenSettings;
  lists: TokenListIndex;
  index: TokenIndexStore;
}

function liquidityOf(pools: PoolSurvey): { usd: number | null; native: number } {
  let usd: number | null = null;
  let native = 0;
  for (const p of pools.pools) {
    if (p.quoteValueUsd !== null) usd = (usd ?? 0) + p.quoteValueUsd;
    if (p.quoteValueNative !== null) native += Number(p.quoteValueNative) / 1e18;
  }
  return { usd, native };
}

/**
 * Candidates for a query without running any scan: for an address, the chains where it has code;
 * for a symbol, the shipped lists and Vigil's index (then recent PairCreated logs when both miss).
 * Chains whose RPC fails are skipped; when every chain failed, the error is rethrown.
 */
export async function findCandidates(query: TokenQuery, deps: ResolveDeps): Promise<Candidate[]> {
  if (deps.chainIds.length === 0)
    throw tokenFailure('no-chain-configured', 'config `chains` is empty', { code: 'INVALID_TARGET' });
  const failures: unknown[] = [];
  if (query.kind === 'address') {
    const found = await Promise.all(
      deps.chainIds.map(async (chainId) => {
        try {
          const reader = await deps.readerFor(chainId);
          const code = await reader.getCode(query.address);
          return code.length > 2 ? { chainId, address: query.address, source: 'address' } : null;
        } catch (err) {
          failures.push(err);
          return null;
        }
      }),
    );
    const hits = found.filter((c): c is Candidate => c !== null);
    if (hits.length === 0 && failures.length === deps.chainIds.length) throw failures[0];
    return hits;
  }
  const fromLists = (list: ListedToken[]) =>
    list.map((t) => ({ chainId: t.chainId, address: t.address, source: t.source }));
  let candidates = [
    ...fromLists(deps.lists.find(query.symbol, deps.chainIds)),
    ...fromLists(await deps.index.find(query.symbol, deps.chainIds)),
  ];
  if (candidates.length === 0 && deps.settings.indexScanBlocks > 0) {
    for (const chainId of deps.chainIds) {
      try {
        const reader = await deps.readerFor(chainId);
        await indexRecentPairs(reader, deps.index, deps.settings.forChain(chainId).dexes, {
          maxBlocks: deps.settings.indexScanBlocks,
          chunk: deps.settings.logChunkBlocks,
        });
      } catch (err) {
        failures.push(err);
      }
    }
    if (failures.length === deps.chainIds.length) throw failures[0];
    candidates = fromLists(await deps.index.find(query.symbol, deps.chainIds));
  }
  const unique = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = `${c.chainId}:${c.address.toLowerCase()}`;
    if (!unique.has(key)) unique.set(key, c);
  }
  return [...unique.values()];
}

/** Reads every candidate's metadata and pools and keeps the one with the deepest liquidity. */
export async function resolveToken(
  query: TokenQuery,
  deps: ResolveDeps,
  queryText: string,
): Promise<Resolution> {
  let candidates: Candidate[];
  try {
    candidates = await findCandidates(query, deps);
  } catch (err) {
    if (err instanceof VigilError) throw err;
    throw tokenFailure('rpc-unavailable', (err as Error).message, { cause: err });
  }
  if (candidates.length === 0)
    throw tokenFailure('token-not-found', `no token matches ${queryText}`, { code: 'INVALID_TARGET' });
  const evaluated: EvaluatedCandidate[] = [];
  let lastError: unknown;
  for (const c of candidates.slice(0, 10)) {
    try {
      const reader = await deps.readerFor(c.chainId);
      const metadata = await readTokenMetadata(reader, c.address);
      if (!metadata) continue;
      const pools = await findPools(reader, c.address, deps.settings.forChain(c.chainId));
      const l = liquidityOf(pools);
      evaluated.push({ ...c, metadata, pools, liquidityUsd: l.usd, liquidityNative: l.native });
    } catch (err) {
      lastError = err;
      if (candidates.length === 1) throw err;
    }
  }
  if (evaluated.length === 0) {
    if (
      lastError &&
      (isUnreachable(lastError) || (lastError instanceof VigilError && lastError.code === 'RPC_UNAVAILABLE'))
    ) {
      throw tokenFailure('rpc-unavailable', (lastError as Error).message, { cause: lastError });
    }
    if (lastError instanceof VigilError) throw lastError;
    throw tokenFailure('token-not-found', `${queryText} is not an ERC-20 token on any configured chain`, {
      code: 'INVALID_TARGET',
    });
  }
  const allPriced = evaluated.every((e) => e.liquidityUsd !== null);
  evaluated.sort((a, b) =>
    allPriced ? (b.liquidityUsd ?? 0) - (a.liquidityUsd ?? 0) : b.liquidityNative - a.liquidityNative,
  );
  const chosen = evaluated[0] as EvaluatedCandidate;
  return {
    query: queryText,
    chosen,
    ambiguity:
      evaluated.length > 1
        ? {
            rule: 'deepest-liquidity',
            candidates: evaluated.map((e) => ({
              chainId: e.chainId,
              address: e.address,
              name: e.metadata.name,
              symbol: e.metadata.symbol,
              source: e.source,
              liquidityUsd: e.liquidityUsd === null ? null : Math.round(e.liquidityUsd),
              liquidityNative: Math.round(e.liquidityNative * 1e6) / 1e6,
            })),
          }
        : null,
  };
}
