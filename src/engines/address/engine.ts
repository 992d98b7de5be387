import type { Address } from 'viem';
import { ReadCache } from '../../chain/read-cache.js';
import { ChainReader } from '../../chain/reader.js';
import { type ChainRegistry, createChainRegistry } from '../../chain/registry.js';
import type { Engine, EngineFactoryContext } from '../../core/engine.js';
import { VigilError } from '../../core/errors.js';
import type { JobOptions } from '../../core/jobs/types.js';
import { ADDRESS_CHECKS } from './checks/index.js';
import { collectFacts, type SourceLookup } from './collect-facts.js';
import { AddressLabelStore } from './labels/store.js';
import { renderMarkdown, renderTable, resultExceeds } from './render.js';
import { evaluateChecks, trustLevel } from './score.js';
import { createSourceAnalyzer, type SourceAnalyzer } from './source-analyzer.js';
import { createSourceLookupFromConfig } from './source-lookup.js';
import { formatAddressTarget, parseAddressTarget } from './target.js';
import type { AddressScanResult } from './types.js';

export interface AddressEngineDeps {
  /** Chains to read; default: built from `config.chains`. */
  chains?: ChainRegistry;
  /** Verified-source lookup; default: the contract engine's explorer/Sourcify providers from config. */
  sourceLookup?: SourceLookup;
  /** Analyzer of verified source; default: Vigil's Solidity analyzer whenever a source lookup exists. */
  analyzer?: SourceAnalyzer;
  readCache?: ReadCache;
}

export interface AddressScanInput {
  chainId: number;
  address: Address;
}

/** The scan itself, usable without the job system (tests, benches, other engines). */
export async function scanAddress(
  input: AddressScanInput,
  deps: {
    chains: ChainRegistry;
    labels: AddressLabelStore;
    readCache: ReadCache;
    now: () => number;
    sourceLookup?: SourceLookup;
    analyzer?: SourceAnalyzer;
  },
  progress: (percent: number, step?: string) => void = () => {},
): Promise<AddressScanResult> {
  const chain = deps.chains.get(input.chainId);
  const before = chain.stats.roundTrips;
  progress(5, 'block');
  const reader = await ChainReader.atLatest(chain, deps.readCache);
  progress(15, 'facts');
  const facts = await collectFacts(reader, input.address, {
    labels: deps.labels,
    ...(deps.sourceLookup ? { sourceLookup: deps.sourceLookup } : {}),
    ...(deps.analyzer ? { analyzer: deps.analyzer } : {}),
  });
  progress(90, 'score');
  const { details, score, scoring } = evaluateChecks(ADDRESS_CHECKS, facts);
  return {
    chainId: input.chainId,
    address: input.address,
    address_type: facts.isContract ? 'Contract' : 'EOA',
    trust_score: score,
    trust_level: trustLevel(score),
    risk_details: details,
    scanned_ts: Math.floor(deps.now() / 1000),
    facts,
    scoring,
    rpcRoundTrips: chain.stats.roundTrips - before,
  };
}

export function createAddressEngine(
  ctx: EngineFactoryContext,
  deps: AddressEngineDeps = {},
): Engine<AddressScanResult> {
  const chains = deps.chains ?? createChainRegistry(ctx.config.chains);
  const labels = new AddressLabelStore(ctx.db, ctx.now);
  const readCache = deps.readCache ?? new ReadCache({ now: ctx.now });
  const sourceLookup = deps.sourceLookup ?? createSourceLookupFromConfig(ctx);
  const analyzer = deps.analyzer ?? (sourceLookup ? createSourceAnalyzer() : undefined);
  return {
    kind: 'address',
    title: 'Address security',
    defaults: { concurrency: 8, timeoutMs: 60_000, maxAttempts: 2 },
    normalize(target: string, options: JobOptions) {
      const parsed = parseAddressTarget(target, options.chainId ?? options.chain_id);
      if (!chains.has(parsed.chainId)) {
        throw new VigilError('UNSUPPORTED_CHAIN', `chain_id ${parsed.chainId} is not configured`, {
          details: { chainId: parsed.chainId, supported: chains.ids() },
        });
      }
      return { target: formatAddressTarget(parsed), options: {} };
    },
    async run(target, _options, engineCtx) {
      const parsed = parseAddressTarget(target);
      engineCtx.signal.throwIfAborted();
      return scanAddress(
        parsed,
        {
          chains,
          labels,
          readCache,
          now: ctx.now,
          ...(sourceLookup ? { sourceLookup } : {}),
          ...(analyzer ? { analyzer } : {}),
        },
        (p, step) => engineCtx.progress(p, step),
      );
    },
    render: { table: renderTable, markdown: renderMarkdown, exceeds: resultExceeds },
  };
}
