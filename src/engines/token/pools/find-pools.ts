import { type Address, getAddress, zeroAddress } from 'viem';
import type { ChainReader } from '../../../chain/reader.js';
import { erc20Abi, type ReadSpec, readMany, v2FactoryAbi, v2PairAbi, v3FactoryAbi } from '../reads.js';
import { tokenFailure } from '../reasons.js';
import type { ChainTokenSettings, DexDeployment, QuoteToken } from '../settings.js';

export interface Pool {
  dex: string;
  kind: 'v2' | 'v3';
  address: Address;
  quote: QuoteToken & { decimals: number };
  /** V3 fee tier. */
  fee?: number;
  /** Raw token units held by the pool. */
  reserveToken: bigint;
  reserveQuote: bigint;
  /** LP token supply (V2 only). */
  lpTotalSupply?: bigint;
  /** Value of the quote side in wrapped-native units (18 decimals) when it can be priced. */
  quoteValueNative: bigint | null;
  quoteValueUsd: number | null;
  router?: Address;
}

export interface PoolSurvey {
  pools: Pool[];
  /** Deepest pool by priced quote value (or by raw reserve when nothing can be priced). */
  main: Pool | null;
  /** USD price of the wrapped native token, from the deepest native/stable pool. */
  nativeUsd: number | null;
}

const ONE = 10n ** 18n;

function toNumber(units: bigint, decimals: number): number {
  return Number(units) / 10 ** decimals;
}

/** Looks for the token's pools on every configured DEX against every quote token, in three round trips. */
export async function findPools(
  reader: ChainReader,
  token: Address,
  chain: ChainTokenSettings,
): Promise<PoolSurvey> {
  if (chain.dexes.length === 0 || chain.quoteTokens.length === 0)
    return { pools: [], main: null, nativeUsd: null };
  // A configured factory without code is a configuration error, not "no pool".
  const factoryCode = await Promise.all(chain.dexes.map((d) => reader.getCode(d.factory)));
  const missing = chain.dexes.filter((_, i) => (factoryCode[i] ?? '0x').length <= 2);
  if (missing.length > 0) {
    throw tokenFailure(
      'error-while-fetching-lp',
      `no contract at the factory of ${missing.map((d) => `${d.title} (${d.factory})`).join(', ')}`,
    );
  }

  const quotes = chain.quoteTokens.filter((q) => q.address.toLowerCase() !== token.toLowerCase());
  const native = chain.quoteTokens.find((q) => q.wrappedNative);
  const stables = chain.quoteTokens.filter((q) => q.usdPrice !== undefined);

  interface Probe {
    dex: DexDeployment;
    quote: QuoteToken;
    base: Address;
    fee?: number;
    purpose: 'token' | 'price';
  }
  const probes: Probe[] = [];
  for (const dex of chain.dexes) {
    const pairsFor = (base: Address, q: QuoteToken, purpose: Probe['purpose']) => {
      if (dex.kind === 'v2') probes.push({ dex, quote: q, base, purpose });
      else
        for (const fee of dex.fees ?? [500, 3000, 10000]) probes.push({ dex, quote: q, base, fee, purpose });
    };
    for (const q of quotes) pairsFor(token, q, 'token');
    if (native && dex.kind === 'v2') for (const s of stables) pairsFor(native.address, s, 'price');
  }
  const addresses = await readMany(
    reader,
    probes.map(
      (p): ReadSpec =>
        p.dex.kind === 'v2'
          ? {
              address: p.dex.factory,
              abi: v2FactoryAbi,
              functionName: 'getPair',
              args: [p.base, p.quote.address],
            }
          : {
              address: p.dex.factory,
              abi: v3FactoryAbi,
              functionName: 'getPool',
              args: [p.base, p.quote.address, p.fee],
            },
    ),
  );
  const found = probes
    .map((p, i) => ({ ...p, pool: addresses[i] as Address | undefined }))
    .filter((p): p is Probe & { pool: Address } => typeof p.pool === 'string' && p.pool !== zeroAddress);

  const decimalsNeeded = [...new Set(chain.quoteTokens.map((q) => q.address))];
  const reads = await readMany(reader, [
    ...decimalsNeeded.map((a): ReadSpec => ({ address: a, abi: erc20Abi, functionName: 'decimals' })),
    ...found.flatMap((f): ReadSpec[] =>
      f.dex.kind === 'v2'
        ? [
            { address: f.pool, abi: v2PairAbi, functionName: 'getReserves' },
            { address: f.pool, abi: v2PairAbi, functionName: 'token0' },
            { address: f.pool, abi: v2PairAbi, functionName: 'totalSupply' },
          ]
        : [
            { address: f.base, abi: erc20Abi, functionName: 'balanceOf', args: [f.pool] },
            { address: f.quote.address, abi: erc20Abi, functionName: 'balanceOf', args: [f.pool] },
            { address: f.pool, abi: erc20Abi, functionName: 'decimals' },
          ],
    ),
  ]);
  const decimals = new Map<string, number>();
  decimalsNeeded.forEach((a, i) => {
    const d = reads[i];
    decimals.set(a.toLowerCase(), typeof d === 'number' ? d : 18);
  });

  const raw = found.map((f, i) => {
    const [a, b, c] = reads.slice(decimalsNeeded.length + i * 3, decimalsNeeded.length + i * 3 + 3);
    let reserveBase: bigint;
    let reserveQuote: bigint;
    let lpTotalSupply: bigint | undefined;
    if (f.dex.kind === 'v2') {
      const reserves = a as readonly [bigint, bigint, number] | undefined;
      if (!reserves || typeof b !== 'string') {
        throw tokenFailure(
          'error-while-fetching-lp',
          `${f.dex.title} pair ${f.pool} did not answer getReserves/token0`,
        );
      }
      const baseIsToken0 = getAddress(b) === getAddress(f.base);
      reserveBase = baseIsToken0 ? reserves[0] : reserves[1];
      reserveQuote = baseIsToken0 ? reserves[1] : reserves[0];
      lpTotalSupply = typeof c === 'bigint' ? c : undefined;
    } else {
      reserveBase = typeof a === 'bigint' ? a : 0n;
      reserveQuote = typeof b === 'bigint' ? b : 0n;
    }
    return { ...f, reserveBase, reserveQuote, lpTotalSupply };
  });

  // Native price in USD from the deepest native/stable pool (no outside price feed needed).
  let nativeUsd: number | null = null;
  let deepestStable = 0;
  for (const r of raw.filter((x) => x.purpose === 'price' && native)) {
    const stableAmount =
      toNumber(r.reserveQuote, decimals.get(r.quote.address.toLowerCase()) ?? 18) * (r.quote.usdPrice ?? 1);
    const nativeAmount = toNumber(r.reserveBase, decimals.get(native?.address.toLowerCase() ?? '') ?? 18);
    if (nativeAmount > 0 && stableAmount > deepestStable) {
      deepestStable = stableAmount;
      nativeUsd = stableAmount / nativeAmount;
    }
  }

  const pools: Pool[] = raw
    .filter((r) => r.purpose === 'token')
    .map((r) => {
      const qDecimals = decimals.get(r.quote.address.toLowerCase()) ?? 18;
      let quoteValueNative: bigint | null = null;
      let quoteValueUsd: number | null = null;
      if (r.quote.wrappedNative) {
        quoteValueNative = r.reserveQuote;
        if (nativeUsd !== null) quoteValueUsd = toNumber(r.reserveQuote, qDecimals) * nativeUsd;
      } else if (r.quote.usdPrice !== undefined) {
        quoteValueUsd = toNumber(r.reserveQuote, qDecimals) * r.quote.usdPrice;
        if (nativeUsd)
          quoteValueNative = BigInt(Math.floor((quoteValueUsd / nativeUsd) * 1e6)) * (ONE / 1_000_000n);
      }
      return {
        dex: r.dex.title,
        kind: r.dex.kind,
        address: getAddress(r.pool),
        quote: { ...r.quote, decimals: qDecimals },
        ...(r.fee !== undefined ? { fee: r.fee } : {}),
        reserveToken: r.reserveBase,
        reserveQuote: r.reserveQuote,
        ...(r.lpTotalSupply !== undefined ? { lpTotalSupply: r.lpTotalSupply } : {}),
        quoteValueNative,
        quoteValueUsd,
        ...(r.dex.router ? { router: r.dex.router } : {}),
      };
    });

  const main =
    [...pools].sort((x, y) => {
      const vx = x.quoteValueNative ?? -1n;
      const vy = y.quoteValueNative ?? -1n;
      if (vx !== vy) return vx > vy ? -1 : 1;
      return x.reserveQuote > y.reserveQuote ? -1 : x.reserveQuote < y.reserveQuote ? 1 : 0;
    })[0] ?? null;
  return { pools, main: main && main.reserveQuote > 0n ? main : null, nativeUsd };
}
