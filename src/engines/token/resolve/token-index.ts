import { type Address, getAddress, type Hex, numberToHex } from 'viem';
import type { ChainReader } from '../../../chain/reader.js';
import type { Db } from '../../../core/db/types.js';
import { readTokenMetadata } from '../facts/token-facts.js';
import type { DexDeployment } from '../settings.js';
import type { ListedToken } from './token-lists.js';

/** keccak256("PairCreated(address,address,address,uint256)") */
export const PAIR_CREATED_TOPIC = '0x0d3648bd0f6ba80134a33ba9275ac585d9d315f0ad8355cddefde31afa28d0e9';

interface Row {
  chain_id: number | string;
  address: string;
  symbol: string;
  name: string;
  decimals: number | string;
  source: string;
}

/** Vigil's own index of tokens it has seen (scanned, or found in PairCreated logs), table `token_index`. */
export class TokenIndexStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async upsert(tokens: readonly ListedToken[]): Promise<void> {
    if (tokens.length === 0) return;
    const at = this.now();
    await this.db.transaction(async (tx) => {
      for (const t of tokens) {
        await tx.exec(
          `INSERT INTO token_index (chain_id, address, symbol, symbol_key, name, name_key, decimals, source, first_seen, last_seen)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (chain_id, address) DO UPDATE SET symbol = excluded.symbol, symbol_key = excluded.symbol_key,
             name = excluded.name, name_key = excluded.name_key, decimals = excluded.decimals, last_seen = excluded.last_seen`,
          [
            t.chainId,
            t.address.toLowerCase(),
            t.symbol,
            t.symbol.toLowerCase(),
            t.name,
            t.name.toLowerCase(),
            t.decimals,
            t.source,
            at,
            at,
          ],
        );
      }
    });
  }

  async find(query: string, chainIds: readonly number[]): Promise<ListedToken[]> {
    if (chainIds.length === 0) return [];
    const key = query.trim().toLowerCase();
    const rows = await this.db.query<Row>(
      `SELECT chain_id, address, symbol, name, decimals, source FROM token_index
       WHERE (symbol_key = ? OR name_key = ?) AND chain_id IN (${chainIds.map(() => '?').join(', ')})
       ORDER BY last_seen DESC LIMIT 50`,
      [key, key, ...chainIds],
    );
    return rows.map((r) => ({
      chainId: Number(r.chain_id),
      address: getAddress(r.address),
      symbol: r.symbol,
      name: r.name,
      decimals: Number(r.decimals),
      source: `vigil-index:${r.source}`,
    }));
  }

  async cursor(chainId: number, factory: Address): Promise<bigint | null> {
    const row = await this.db.one<{ last_block: number | string }>(
      'SELECT last_block FROM token_index_cursor WHERE chain_id = ? AND factory = ?',
      [chainId, factory.toLowerCase()],
    );
    return row ? BigInt(row.last_block) : null;
  }

  async setCursor(chainId: number, factory: Address, block: bigint): Promise<void> {
    await this.db.exec(
      `INSERT INTO token_index_cursor (chain_id, factory, last_block) VALUES (?, ?, ?)
       ON CONFLICT (chain_id, factory) DO UPDATE SET last_block = excluded.last_block`,
      [chainId, factory.toLowerCase(), Number(block)],
    );
  }
}

/**
 * Indexes tokens of pools created on the chain's V2 factories in the last `maxBlocks` blocks (from
 * where the previous run stopped), so a fresh token is found by symbol before any list knows it.
 */
export async function indexRecentPairs(
  reader: ChainReader,
  store: TokenIndexStore,
  dexes: readonly DexDeployment[],
  options: { maxBlocks: number; chunk: number },
): Promise<number> {
  if (options.maxBlocks <= 0) return 0;
  const head = reader.blockNumber;
  const chainId = reader.chain.chainId;
  const seen = new Set<string>();
  for (const dex of dexes.filter((d) => d.kind === 'v2')) {
    const cursor = await store.cursor(chainId, dex.factory);
    const floor = head - BigInt(options.maxBlocks) + 1n;
    let from = cursor !== null ? cursor + 1n : floor;
    if (from < floor) from = floor;
    if (from < 0n) from = 0n;
    for (let start = from; start <= head; start += BigInt(options.chunk)) {
      const end = start + BigInt(options.chunk) - 1n > head ? head : start + BigInt(options.chunk) - 1n;
      const logs = await reader.chain.rpc<{ topics: Hex[] }[]>('eth_getLogs', [
        {
          address: dex.factory,
          fromBlock: numberToHex(start),
          toBlock: numberToHex(end),
          topics: [PAIR_CREATED_TOPIC],
        },
      ]);
      for (const log of logs) {
        for (const topic of log.topics.slice(1, 3)) seen.add(getAddress(`0x${topic.slice(26)}`));
      }
    }
    await store.setCursor(chainId, dex.factory, head);
  }
  const tokens: ListedToken[] = [];
  for (const address of seen) {
    const meta = await readTokenMetadata(reader, address as Address);
    if (meta?.symbol) {
      tokens.push({
        chainId,
        address: address as Address,
        symbol: meta.symbol,
        name: meta.name || meta.symbol,
        decimals: meta.decimals,
        source: 'pair-created',
      });
    }
  }
  await store.upsert(tokens);
  return tokens.length;
}
