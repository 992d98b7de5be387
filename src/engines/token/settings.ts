import { createRequire } from 'node:module';
import { type Address, getAddress, isAddress } from 'viem';
import type { VigilConfig } from '../../core/config.js';
import { VigilError } from '../../core/errors.js';

/** The DEXes, quote tokens and lockers of one chain, after merging the shipped table with config. */
export interface DexDeployment {
  title: string;
  kind: 'v2' | 'v3';
  factory: Address;
  router?: Address;
  fees?: number[];
}

export interface QuoteToken {
  address: Address;
  symbol: string;
  usdPrice?: number;
  wrappedNative?: boolean;
}

export interface ChainTokenSettings {
  chainId: number;
  dexes: DexDeployment[];
  quoteTokens: QuoteToken[];
  lockers: Map<string, string>;
  burnAddresses: Set<string>;
}

export interface TokenSettings {
  forChain(chainId: number): ChainTokenSettings;
  holderScanMaxBlocks: number;
  logChunkBlocks: number;
  indexScanBlocks: number;
  simulationBuyBps: number;
}

interface KnownChain {
  dexes?: Omit<DexDeployment, 'factory' | 'router'> & { factory: string; router?: string }[];
  quoteTokens?: (Omit<QuoteToken, 'address'> & { address: string })[];
  lockers?: { address: string; name: string }[];
}
interface KnownDeployments {
  burnAddresses: string[];
  chains: Record<string, KnownChain>;
}

function address(value: string, where: string): Address {
  if (!isAddress(value, { strict: false })) {
    throw new VigilError('CONFIG_INVALID', `token: ${where} is not an address: ${value}`);
  }
  return getAddress(value.toLowerCase());
}

let known: KnownDeployments | undefined;
export function knownDeployments(): KnownDeployments {
  known ??= createRequire(import.meta.url)('./data/known-deployments.json') as KnownDeployments;
  return known;
}

export function createTokenSettings(config: VigilConfig): TokenSettings {
  const t = config.token;
  const cache = new Map<number, ChainTokenSettings>();
  const builtin = t.builtinDeployments ? knownDeployments() : { burnAddresses: [], chains: {} };
  const burn = new Set([...knownDeployments().burnAddresses].map((a) => a.toLowerCase()));

  function forChain(chainId: number): ChainTokenSettings {
    const hit = cache.get(chainId);
    if (hit) return hit;
    const k = (builtin.chains[String(chainId)] ?? {}) as {
      dexes?: { title: string; kind: 'v2' | 'v3'; factory: string; router?: string; fees?: number[] }[];
      quoteTokens?: KnownChain['quoteTokens'];
      lockers?: KnownChain['lockers'];
    };
    const dexes: DexDeployment[] = [...(k.dexes ?? []), ...t.dexes.filter((d) => d.chainId === chainId)].map(
      (d) => ({
        title: d.title,
        kind: d.kind,
        factory: address(d.factory, `${d.title} factory`),
        ...(d.router ? { router: address(d.router, `${d.title} router`) } : {}),
        ...(d.fees ? { fees: d.fees } : {}),
      }),
    );
    const quoteTokens: QuoteToken[] = [];
    for (const q of [...(k.quoteTokens ?? []), ...t.quoteTokens.filter((q) => q.chainId === chainId)]) {
      const a = address(q.address, `quote token ${q.symbol}`);
      if (quoteTokens.some((x) => x.address === a)) continue;
      quoteTokens.push({
        address: a,
        symbol: q.symbol,
        ...(q.usdPrice !== undefined ? { usdPrice: q.usdPrice } : {}),
        ...(q.wrappedNative ? { wrappedNative: true } : {}),
      });
    }
    const lockers = new Map<string, string>();
    for (const l of [...(k.lockers ?? []), ...t.lockers.filter((l) => l.chainId === chainId)]) {
      lockers.set(address(l.address, `locker ${l.name}`).toLowerCase(), l.name);
    }
    const settings = { chainId, dexes, quoteTokens, lockers, burnAddresses: burn };
    cache.set(chainId, settings);
    return settings;
  }

  return {
    forChain,
    holderScanMaxBlocks: t.holderScanMaxBlocks,
    logChunkBlocks: t.logChunkBlocks,
    indexScanBlocks: t.indexScanBlocks,
    simulationBuyBps: t.simulationBuyBps,
  };
}
