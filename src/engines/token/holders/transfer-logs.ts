import { type Address, getAddress, type Hex, numberToHex } from 'viem';
import type { ChainReader } from '../../../chain/reader.js';
import { TRANSFER_TOPIC } from '../reads.js';

export interface TransferScan {
  /** Net balance change per address over the scanned range (lower-case keys). */
  balances: Map<string, bigint>;
  fromBlock: bigint;
  toBlock: bigint;
  logs: number;
  /** True when the range starts at the contract's creation, so balances are complete. */
  fromCreation: boolean;
  requests: number;
}

interface RpcLog {
  topics: Hex[];
  data: Hex;
}

/** Smallest range we split a rejected request down to before giving up. */
const MIN_SPLIT = 16n;

function topicAddress(topic: Hex | undefined): string | undefined {
  return topic && topic.length === 66 ? `0x${topic.slice(26)}`.toLowerCase() : undefined;
}

/**
 * Replays Transfer logs of `contract` over [from, to] in chunks of `chunk` blocks. A chunk the
 * node rejects (too many results) is split in halves; chunks are requested a few at a time so a
 * long history stays bounded in memory and in concurrent requests.
 */
export async function scanTransfers(
  reader: ChainReader,
  contract: Address,
  range: { from: bigint; to: bigint; chunk: number; fromCreation: boolean },
): Promise<TransferScan> {
  const balances = new Map<string, bigint>();
  let logs = 0;
  let requests = 0;
  const add = (who: string | undefined, delta: bigint) => {
    if (!who) return;
    balances.set(who, (balances.get(who) ?? 0n) + delta);
  };
  const fetchRange = async (from: bigint, to: bigint): Promise<void> => {
    requests += 1;
    let result: RpcLog[];
    try {
      result = await reader.chain.rpc<RpcLog[]>('eth_getLogs', [
        {
          address: contract,
          fromBlock: numberToHex(from),
          toBlock: numberToHex(to),
          topics: [TRANSFER_TOPIC],
        },
      ]);
    } catch (err) {
      if (to - from < MIN_SPLIT) throw err;
      const mid = (from + to) / 2n;
      await fetchRange(from, mid);
      await fetchRange(mid + 1n, to);
      return;
    }
    for (const log of result) {
      // ERC-20 Transfer: value in data (ERC-721 puts the id in topic 3; those are skipped).
      if (log.topics.length !== 3 || log.data.length < 66) continue;
      const value = BigInt(log.data.slice(0, 66));
      add(topicAddress(log.topics[1]), -value);
      add(topicAddress(log.topics[2]), value);
      logs += 1;
    }
  };
  const size = BigInt(range.chunk);
  const chunks: [bigint, bigint][] = [];
  for (let start = range.from; start <= range.to; start += size) {
    const end = start + size - 1n;
    chunks.push([start, end > range.to ? range.to : end]);
  }
  const PARALLEL = 4;
  for (let i = 0; i < chunks.length; i += PARALLEL) {
    await Promise.all(chunks.slice(i, i + PARALLEL).map(([a, b]) => fetchRange(a, b)));
  }
  return {
    balances,
    fromBlock: range.from,
    toBlock: range.to,
    logs,
    fromCreation: range.fromCreation,
    requests,
  };
}

/** Addresses with the largest replayed balances (excluding the zero address, which mints and burns). */
export function topByBalance(scan: TransferScan, limit: number): Address[] {
  return [...scan.balances.entries()]
    .filter(([a, b]) => b > 0n && a !== '0x0000000000000000000000000000000000000000')
    .sort((x, y) => (x[1] > y[1] ? -1 : x[1] < y[1] ? 1 : 0))
    .slice(0, limit)
    .map(([a]) => getAddress(a));
}

/** The block range to scan: from creation when within the bound, else the most recent `maxBlocks`. */
export function boundedRange(
  head: bigint,
  creationBlock: bigint | null,
  maxBlocks: number,
): { from: bigint; to: bigint; fromCreation: boolean } {
  const earliest = head - BigInt(maxBlocks) + 1n;
  if (creationBlock !== null && creationBlock >= earliest)
    return { from: creationBlock, to: head, fromCreation: true };
  return { from: earliest > 0n ? earliest : 0n, to: head, fromCreation: earliest <= 0n };
}
