import { type Address, getAddress } from 'viem';
import type { ChainReader } from '../../../chain/reader.js';
import { erc20Abi, readMany } from '../reads.js';
import { type TransferScan, topByBalance } from './transfer-logs.js';

export type HolderTag = 'pool' | 'burn' | 'locker' | 'creator' | 'owner' | 'token-contract';

export interface Holder {
  address: Address;
  /** Percent of total supply, two decimals. */
  percent: number;
  balance: string;
  tags: HolderTag[];
  lockerName?: string;
}

export interface HolderDistribution {
  /** Addresses with a positive replayed balance (a lower bound when the scan did not start at creation). */
  holderCount: number;
  complete: boolean;
  scannedBlocks: { from: string; to: string };
  transferLogs: number;
  top: Holder[];
  /** Largest share held by one wallet that is not a pool, burn address, locker or the token itself. */
  topWalletPercent: number;
  topWalletAddress: Address | null;
  /** Sum of the ten largest such wallets. */
  top10Percent: number;
  creatorPercent: number;
  ownerPercent: number;
  burnedPercent: number;
}

export interface HolderContext {
  token: Address;
  totalSupply: bigint;
  pools: Address[];
  burn: ReadonlySet<string>;
  lockers: ReadonlyMap<string, string>;
  creator: Address | null;
  owner: Address | null;
}

function percent(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number((part * 10_000n) / whole) / 100;
}

/**
 * Top holders from the replayed Transfer logs, with their real balances read back by `balanceOf`
 * at the scan block (so the ranking is exact for the addresses shown even when the log range was
 * bounded), plus the special accounts (creator, owner, burn addresses) whether or not logs saw them.
 */
export async function holderDistribution(
  reader: ChainReader,
  scan: TransferScan,
  ctx: HolderContext,
  limit = 25,
): Promise<HolderDistribution> {
  const candidates = new Map<string, Address>();
  for (const a of topByBalance(scan, limit)) candidates.set(a.toLowerCase(), a);
  for (const a of [ctx.creator, ctx.owner, ...[...ctx.burn].map((b) => getAddress(b))]) {
    if (a) candidates.set(a.toLowerCase(), a);
  }
  const list = [...candidates.values()];
  const balances = await readMany(
    reader,
    list.map((a) => ({ address: ctx.token, abi: erc20Abi, functionName: 'balanceOf', args: [a] })),
  );
  const pools = new Set(ctx.pools.map((p) => p.toLowerCase()));
  const holders: Holder[] = list
    .map((address, i) => {
      const balance = typeof balances[i] === 'bigint' ? (balances[i] as bigint) : 0n;
      const key = address.toLowerCase();
      const tags: HolderTag[] = [];
      if (pools.has(key)) tags.push('pool');
      if (ctx.burn.has(key)) tags.push('burn');
      if (ctx.lockers.has(key)) tags.push('locker');
      if (key === ctx.token.toLowerCase()) tags.push('token-contract');
      if (ctx.creator && key === ctx.creator.toLowerCase()) tags.push('creator');
      if (ctx.owner && key === ctx.owner.toLowerCase()) tags.push('owner');
      const lockerName = ctx.lockers.get(key);
      return {
        address,
        balance: balance.toString(),
        percent: percent(balance, ctx.totalSupply),
        tags,
        ...(lockerName ? { lockerName } : {}),
        raw: balance,
      };
    })
    .filter((h) => h.raw > 0n)
    .sort((x, y) => (x.raw > y.raw ? -1 : x.raw < y.raw ? 1 : 0))
    .map(({ raw: _raw, ...h }) => h);

  const excluded = new Set<HolderTag>(['pool', 'burn', 'locker', 'token-contract']);
  const wallets = holders.filter((h) => !h.tags.some((t) => excluded.has(t)));
  const sumOf = (tag: HolderTag) =>
    holders.filter((h) => h.tags.includes(tag)).reduce((s, h) => s + h.percent, 0);
  return {
    holderCount: [...scan.balances.entries()].filter(
      ([a, b]) => b > 0n && a !== '0x0000000000000000000000000000000000000000',
    ).length,
    complete: scan.fromCreation,
    scannedBlocks: { from: scan.fromBlock.toString(), to: scan.toBlock.toString() },
    transferLogs: scan.logs,
    top: holders.slice(0, 10),
    topWalletPercent: wallets[0]?.percent ?? 0,
    topWalletAddress: wallets[0]?.address ?? null,
    top10Percent: Math.round(wallets.slice(0, 10).reduce((s, h) => s + h.percent, 0) * 100) / 100,
    creatorPercent: sumOf('creator'),
    ownerPercent: sumOf('owner'),
    burnedPercent: Math.round(sumOf('burn') * 100) / 100,
  };
}
