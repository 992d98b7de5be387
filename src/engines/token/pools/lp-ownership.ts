import type { Address } from 'viem';
import type { ChainReader } from '../../../chain/reader.js';
import { type Holder, holderDistribution } from '../holders/holders.js';
import type { TransferScan } from '../holders/transfer-logs.js';

export interface LpOwnership {
  pair: Address;
  dex: string;
  lpTotalSupply: string;
  burnedPercent: number;
  lockedPercent: number;
  lockers: { name: string; address: Address; percent: number }[];
  creatorPercent: number;
  ownerPercent: number;
  /** Largest share held by a wallet that can remove liquidity at will (not burned, not locked). */
  topUnlockedPercent: number;
  topUnlockedHolder: Address | null;
  holderCount: number;
  holders: (Holder & { isLocked: boolean })[];
}

/** Who holds the main V2 pair's LP tokens: burned, locked in a known locker, or free to pull. */
export async function lpOwnership(
  reader: ChainReader,
  scan: TransferScan,
  ctx: {
    pair: Address;
    dex: string;
    lpTotalSupply: bigint;
    burn: ReadonlySet<string>;
    lockers: ReadonlyMap<string, string>;
    creator: Address | null;
    owner: Address | null;
  },
): Promise<LpOwnership> {
  const d = await holderDistribution(reader, scan, {
    token: ctx.pair,
    totalSupply: ctx.lpTotalSupply,
    pools: [],
    burn: ctx.burn,
    lockers: ctx.lockers,
    creator: ctx.creator,
    owner: ctx.owner,
  });
  const lockers = d.top
    .filter((h) => h.tags.includes('locker'))
    .map((h) => ({ name: h.lockerName ?? 'locker', address: h.address, percent: h.percent }));
  const unlocked = d.top.filter((h) => !h.tags.includes('burn') && !h.tags.includes('locker'));
  return {
    pair: ctx.pair,
    dex: ctx.dex,
    lpTotalSupply: ctx.lpTotalSupply.toString(),
    burnedPercent: d.burnedPercent,
    lockedPercent: Math.round(lockers.reduce((s, l) => s + l.percent, 0) * 100) / 100,
    lockers,
    creatorPercent: d.creatorPercent,
    ownerPercent: d.ownerPercent,
    topUnlockedPercent: unlocked[0]?.percent ?? 0,
    topUnlockedHolder: unlocked[0]?.address ?? null,
    holderCount: d.holderCount,
    holders: d.top.map((h) => ({ ...h, isLocked: h.tags.includes('burn') || h.tags.includes('locker') })),
  };
}
