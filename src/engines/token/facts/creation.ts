import { type Address, getAddress, type Hex, numberToHex, pad } from 'viem';
import type { ChainReader } from '../../../chain/reader.js';
import { TRANSFER_TOPIC } from '../reads.js';

export interface CreationFacts {
  blockNumber: bigint;
  /** Unix seconds. */
  timestamp: number;
  /** The account that sent the creating transaction. */
  creator: Address | null;
  txHash: Hex | null;
}

/**
 * First block where the address has code, by binary search on `eth_getCode` (about log2(head)
 * calls; needs an archive node, returns null when historical state is pruned).
 */
export async function findCreationBlock(reader: ChainReader, address: Address): Promise<bigint | null> {
  const rpc = reader.chain.rpc.bind(reader.chain);
  const hasCode = async (block: bigint) =>
    ((await rpc<Hex>('eth_getCode', [address, numberToHex(block)])) ?? '0x').length > 2;
  let lo = 0n;
  let hi = reader.blockNumber;
  try {
    if (!(await hasCode(hi))) return null;
    while (lo < hi) {
      const mid = (lo + hi) / 2n;
      if (await hasCode(mid)) hi = mid;
      else lo = mid + 1n;
    }
  } catch {
    return null;
  }
  return lo;
}

interface RpcLog {
  transactionHash: Hex;
}
interface RpcBlock {
  timestamp: Hex;
  transactions: { hash: Hex; from: Address; to: Address | null }[];
}

/**
 * Creation block, time and creator. The creator is the sender of the transaction that minted
 * the first supply in the creation block (most tokens mint in their constructor); otherwise the
 * sender of the contract-creating transaction of that block whose receipt names the token.
 */
export async function readCreation(reader: ChainReader, token: Address): Promise<CreationFacts | null> {
  const blockNumber = await findCreationBlock(reader, token);
  if (blockNumber === null) return null;
  const rpc = reader.chain.rpc.bind(reader.chain);
  const tag = numberToHex(blockNumber);
  const [block, mints] = await Promise.all([
    rpc<RpcBlock | null>('eth_getBlockByNumber', [tag, true]),
    rpc<RpcLog[]>('eth_getLogs', [
      { address: token, fromBlock: tag, toBlock: tag, topics: [TRANSFER_TOPIC, pad('0x', { size: 32 })] },
    ]).catch(() => [] as RpcLog[]),
  ]);
  if (!block) return null;
  const timestamp = Number(BigInt(block.timestamp));
  const byHash = new Map(block.transactions.map((t) => [t.hash.toLowerCase(), t]));
  const mintTx = mints[0] ? byHash.get(mints[0].transactionHash.toLowerCase()) : undefined;
  if (mintTx) return { blockNumber, timestamp, creator: getAddress(mintTx.from), txHash: mintTx.hash };
  for (const tx of block.transactions.filter((t) => t.to === null)) {
    const receipt = await rpc<{ contractAddress: Address | null } | null>('eth_getTransactionReceipt', [
      tx.hash,
    ]);
    if (receipt?.contractAddress && receipt.contractAddress.toLowerCase() === token.toLowerCase()) {
      return { blockNumber, timestamp, creator: getAddress(tx.from), txHash: tx.hash };
    }
  }
  return { blockNumber, timestamp, creator: null, txHash: null };
}
