import type { Address } from 'viem';
import type { HolderDistribution } from './holders/holders.js';
import type { LpOwnership } from './pools/lp-ownership.js';
import type { TokenPrivileges } from './privileges/owner-privileges.js';
import type { Resolution } from './resolve/resolve-target.js';
import type { Factor, RiskBand } from './scoring/score.js';
import type { SimulationReport } from './simulation/interpret.js';

/** The seed's `data.token`. */
export interface WatchtowerToken {
  /** Slug of the name ("watchtower"). */
  id: string;
  name: string;
  symbol: string;
  decimals: number;
  /** UTC "YYYY-MM-DD HH:mm:ss"; null when the creation block could not be found (pruned node). */
  createdAt: string | null;
  address: Address;
  network: string;
  /** Quote asset of the deepest pool (WETH, WBNB, USDT, ...); null when not listed. */
  mainToken: string | null;
  dexTitles: string[];
}

export interface PoolSummary {
  dex: string;
  kind: 'v2' | 'v3';
  address: Address;
  quote: string;
  quoteAddress: Address;
  fee?: number;
  reserveToken: string;
  reserveQuote: string;
  liquidityUsd: number | null;
}

export interface TokenScanResult {
  token: WatchtowerToken;
  riskRating: number;
  unLaunched: boolean;
  /** Milliseconds since the epoch. */
  scannedAt: number;
  band: RiskBand;
  /** Every check with its status, value, detail and the points it took (docs/scoring.md#token). */
  factors: Factor[];
  details: {
    chainId: number;
    blockNumber: string;
    totalSupply: string;
    creator: Address | null;
    creationBlock: string | null;
    resolution: Resolution['ambiguity'] extends infer A ? { query: string; ambiguity: A } : never;
    pools: PoolSummary[];
    liquidity: {
      mainToken: string | null;
      mainPool: Address | null;
      amountInMainToken: string | null;
      usd: number | null;
    };
    lp: LpOwnership | null;
    holders: HolderDistribution | null;
    simulation: SimulationReport | null;
    simulationSkipped: string | null;
    tradingNotEnabled: { detected: boolean; evidence: string[] };
    privileges: TokenPrivileges | null;
    privilegesNote: string | null;
  };
  stats: { wallTimeMs: number; rpcRequests: number; rpcRoundTrips: number };
}
