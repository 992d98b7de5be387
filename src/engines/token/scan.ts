import type { Address } from 'viem';
import type { ChainReader } from '../../chain/reader.js';
import { VigilError } from '../../core/errors.js';
import type { TokenEvidence } from './checks/types.js';
import { type CreationFacts, readCreation } from './facts/creation.js';
import { type HolderDistribution, holderDistribution } from './holders/holders.js';
import { boundedRange, scanTransfers } from './holders/transfer-logs.js';
import type { Pool } from './pools/find-pools.js';
import { type LpOwnership, lpOwnership } from './pools/lp-ownership.js';
import type { PrivilegeInspector, TokenPrivileges } from './privileges/owner-privileges.js';
import { readMany, routerAbi } from './reads.js';
import { type FailureReason, isUnreachable, tokenFailure } from './reasons.js';
import { parseTokenQuery } from './resolve/parse-target.js';
import { type ResolveDeps, resolveToken } from './resolve/resolve-target.js';
import type { TokenIndexStore } from './resolve/token-index.js';
import { scoreToken } from './scoring/score.js';
import type { TokenSettings } from './settings.js';
import type { SimulationReport } from './simulation/interpret.js';
import { SimulationFailedError, simulateTrade } from './simulation/simulate.js';
import { detectTradingNotEnabled } from './trading-state.js';
import type { PoolSummary, TokenScanResult } from './types.js';

export interface ScanDeps extends ResolveDeps {
  index: TokenIndexStore;
  settings: TokenSettings;
  privileges: PrivilegeInspector | null;
  networkName(chainId: number): string;
  /** JSON-RPC requests and HTTP round trips sent so far on every chain (for the per-scan cost). */
  rpcStats(): { requests: number; roundTrips: number };
  now(): number;
  progress(percent: number, step: string): void;
  signal?: AbortSignal;
}

/** Runs a step and turns its errors into the face-visible reason of that step. */
async function step<T>(reason: FailureReason, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof VigilError) {
      if (/^[a-z-]+: /.test(err.message)) throw err;
      if (err.code === 'RPC_UNAVAILABLE') throw tokenFailure('rpc-unavailable', err.message, { cause: err });
      throw tokenFailure(reason, err.message, { cause: err });
    }
    if (isUnreachable(err)) throw tokenFailure('rpc-unavailable', (err as Error).message, { cause: err });
    throw tokenFailure(reason, (err as Error).message ?? String(err), { cause: err });
  }
}

function slug(name: string, symbol: string): string {
  const s = (name || symbol)
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || symbol.toLowerCase();
}

function utcStamp(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

function formatUnits(value: bigint, decimals: number): string {
  const base = 10n ** BigInt(decimals);
  const whole = value / base;
  const frac = (value % base).toString().padStart(decimals, '0').replace(/0+$/, '').slice(0, 6);
  return frac ? `${whole}.${frac}` : whole.toString();
}

type SimulationRoute =
  | { venue: 'v2'; router: Address; path: Address[]; nativeReserve: bigint }
  | { venue: 'v3'; pool: Address; weth: Address; nativeReserve: bigint };

/**
 * Where to simulate a buy: the wrapped-native path through the main pool's V2 router (or another V2
 * pool of the token); without one, directly against the deepest V3 pool paired with the wrapped native.
 */
async function simulationRoute(
  reader: ChainReader,
  token: Address,
  pools: Pool[],
  main: Pool,
): Promise<SimulationRoute | string> {
  const ordered = [main, ...pools.filter((p) => p !== main)];
  const v2 = await v2Route(reader, token, ordered);
  if (typeof v2 !== 'string') return v2;
  const v3 = ordered.find((p) => p.kind === 'v3' && p.quote.wrappedNative && p.reserveQuote > 0n);
  if (v3) return { venue: 'v3', pool: v3.address, weth: v3.quote.address, nativeReserve: v3.reserveQuote };
  return `${v2}, and no V3 pool paired with the wrapped native token`;
}

async function v2Route(
  reader: ChainReader,
  token: Address,
  ordered: Pool[],
): Promise<SimulationRoute | string> {
  const v2 = ordered.filter((p) => p.kind === 'v2' && p.router && p.reserveQuote > 0n);
  if (v2.length === 0) return 'no V2 pool with a configured router';
  const routers = [...new Set(v2.map((p) => p.router as Address))];
  const weths = await readMany(
    reader,
    routers.map((r) => ({ address: r, abi: routerAbi, functionName: 'WETH' })),
  );
  const wethOf = new Map(
    routers.map((r, i) => [r, typeof weths[i] === 'string' ? (weths[i] as Address) : undefined]),
  );
  for (const p of v2) {
    const weth = wethOf.get(p.router as Address);
    if (!weth) continue;
    if (p.quote.address.toLowerCase() === weth.toLowerCase()) {
      return { venue: 'v2', router: p.router as Address, path: [weth, token], nativeReserve: p.reserveQuote };
    }
  }
  for (const p of v2) {
    const weth = wethOf.get(p.router as Address);
    if (weth && p.quoteValueNative !== null) {
      return {
        venue: 'v2',
        router: p.router as Address,
        path: [weth, p.quote.address, token],
        nativeReserve: p.quoteValueNative,
      };
    }
  }
  return 'no route from the wrapped native token through a V2 router';
}

export async function scanToken(
  target: string,
  options: { chainId?: number },
  deps: ScanDeps,
): Promise<TokenScanResult> {
  const started = Date.now();
  const statsBefore = deps.rpcStats();
  const chainIds = options.chainId ? deps.chainIds.filter((c) => c === options.chainId) : deps.chainIds;
  const resolveDeps: ResolveDeps = { ...deps, chainIds };

  // --- resolve --------------------------------------------------------------
  deps.progress(5, 'resolve');
  const query = parseTokenQuery(target);
  const resolution = await resolveToken(query, resolveDeps, target);
  const { chosen } = resolution;
  const reader = await deps.readerFor(chosen.chainId);
  const chainSettings = deps.settings.forChain(chosen.chainId);
  const token = chosen.address;
  const meta = chosen.metadata;
  deps.signal?.throwIfAborted();

  // --- token facts ------------------------------------------------------------
  deps.progress(15, 'token facts');
  const [creation, privilegeResult] = await Promise.all([
    step('error-while-fetching-token', () => readCreation(reader, token)),
    deps.privileges
      ? step('error-while-fetching-token', () => (deps.privileges as PrivilegeInspector)(reader, token)).then(
          (p): { p: TokenPrivileges | null; note: string | null } => ({ p, note: null }),
          (err: unknown) => {
            if (err instanceof VigilError && err.code === 'RPC_UNAVAILABLE') throw err;
            return { p: null, note: `owner analysis failed: ${(err as Error).message}` };
          },
        )
      : Promise.resolve({ p: null, note: 'no owner-privilege inspector wired' }),
  ]);
  const privileges = privilegeResult.p;
  const creator: Address | null = creation?.creator ?? privileges?.creator ?? null;
  const owner = privileges && !privileges.ownerRenounced ? privileges.owner : null;
  deps.signal?.throwIfAborted();

  // --- pools ------------------------------------------------------------------
  deps.progress(30, 'pools');
  const survey = chosen.pools;
  const main = survey.main;
  const range = boundedRange(
    reader.blockNumber,
    (creation as CreationFacts | null)?.blockNumber ?? null,
    deps.settings.holderScanMaxBlocks,
  );
  let lp: LpOwnership | null = null;
  if (main?.kind === 'v2' && main.lpTotalSupply && main.lpTotalSupply > 0n) {
    lp = await step('error-while-fetching-lp', async () => {
      const lpScan = await scanTransfers(reader, main.address, {
        ...range,
        chunk: deps.settings.logChunkBlocks,
      });
      return lpOwnership(reader, lpScan, {
        pair: main.address,
        dex: main.dex,
        lpTotalSupply: main.lpTotalSupply as bigint,
        burn: chainSettings.burnAddresses,
        lockers: chainSettings.lockers,
        creator,
        owner,
      });
    });
  }
  deps.signal?.throwIfAborted();

  // --- holders ----------------------------------------------------------------
  deps.progress(45, 'holders');
  const holders: HolderDistribution | null = await step('error-while-fetching-holders', async () => {
    const scan = await scanTransfers(reader, token, { ...range, chunk: deps.settings.logChunkBlocks });
    return holderDistribution(reader, scan, {
      token,
      totalSupply: meta.totalSupply,
      pools: survey.pools.map((p) => p.address),
      burn: chainSettings.burnAddresses,
      lockers: chainSettings.lockers,
      creator,
      owner,
    });
  });
  deps.signal?.throwIfAborted();

  // --- simulation ---------------------------------------------------------------
  deps.progress(65, 'simulation');
  let simulation: SimulationReport | null = null;
  let simulationSkipped: string | null = null;
  if (!main) simulationSkipped = 'no pool with liquidity';
  else {
    const route = await step('simulation-reverted', () => simulationRoute(reader, token, survey.pools, main));
    if (typeof route === 'string') simulationSkipped = route;
    else {
      let amountIn = (route.nativeReserve * BigInt(deps.settings.simulationBuyBps)) / 10_000n;
      if (amountIn < 1_000_000_000n) amountIn = 1_000_000_000n;
      simulation = await step('simulation-reverted', async () => {
        try {
          const base = { chain: reader.chain, blockNumber: reader.blockNumber, amountIn };
          return await simulateTrade(
            route.venue === 'v3'
              ? { ...base, v3: { pool: route.pool, weth: route.weth, token } }
              : { ...base, router: route.router, buyPath: route.path },
          );
        } catch (err) {
          if (err instanceof SimulationFailedError)
            throw tokenFailure('simulation-reverted', err.message, { cause: err });
          throw err;
        }
      });
    }
  }
  const tradingNotEnabled = await step('simulation-reverted', () =>
    detectTradingNotEnabled(reader, token, simulation),
  );
  deps.signal?.throwIfAborted();

  // --- scoring --------------------------------------------------------------------
  deps.progress(85, 'scoring');
  let liquidityUsd: number | null = null;
  for (const p of survey.pools)
    if (p.quoteValueUsd !== null) liquidityUsd = (liquidityUsd ?? 0) + p.quoteValueUsd;
  const evidence: TokenEvidence = {
    pools: survey,
    liquidityUsd,
    lp,
    holders,
    simulation,
    simulationSkipped,
    privileges,
    tradingNotEnabled,
  };
  const score = scoreToken(evidence);
  const unLaunched = main === null || tradingNotEnabled.detected;

  await deps.index
    .upsert([
      {
        chainId: chosen.chainId,
        address: token,
        symbol: meta.symbol,
        name: meta.name || meta.symbol,
        decimals: meta.decimals,
        source: 'scanned',
      },
    ])
    .catch(() => undefined);

  const pools: PoolSummary[] = survey.pools.map((p) => ({
    dex: p.dex,
    kind: p.kind,
    address: p.address,
    quote: p.quote.symbol,
    quoteAddress: p.quote.address,
    ...(p.fee !== undefined ? { fee: p.fee } : {}),
    reserveToken: formatUnits(p.reserveToken, meta.decimals),
    reserveQuote: formatUnits(p.reserveQuote, p.quote.decimals),
    liquidityUsd: p.quoteValueUsd === null ? null : Math.round(p.quoteValueUsd * 100) / 100,
  }));
  const dexTitles = [...new Set(survey.pools.filter((p) => p.reserveQuote > 0n).map((p) => p.dex))];
  const stats = deps.rpcStats();
  return {
    token: {
      id: slug(meta.name, meta.symbol),
      name: meta.name,
      symbol: meta.symbol,
      decimals: meta.decimals,
      createdAt: creation ? utcStamp(creation.timestamp) : null,
      address: token,
      network: deps.networkName(chosen.chainId),
      mainToken: main?.quote.symbol ?? null,
      dexTitles,
    },
    riskRating: score.riskRating,
    unLaunched,
    scannedAt: deps.now(),
    band: score.band,
    factors: score.factors,
    details: {
      chainId: chosen.chainId,
      blockNumber: reader.blockNumber.toString(),
      totalSupply: meta.totalSupply.toString(),
      creator,
      creationBlock: creation ? creation.blockNumber.toString() : null,
      resolution: { query: resolution.query, ambiguity: resolution.ambiguity },
      pools,
      liquidity: {
        mainToken: main?.quote.symbol ?? null,
        mainPool: main?.address ?? null,
        amountInMainToken: main ? formatUnits(main.reserveQuote, main.quote.decimals) : null,
        usd: liquidityUsd === null ? null : Math.round(liquidityUsd * 100) / 100,
      },
      lp,
      holders,
      simulation,
      simulationSkipped,
      tradingNotEnabled,
      privileges,
      privilegesNote: privilegeResult.note,
    },
    stats: {
      wallTimeMs: Date.now() - started,
      rpcRequests: stats.requests - statsBefore.requests,
      rpcRoundTrips: stats.roundTrips - statsBefore.roundTrips,
    },
  };
}
