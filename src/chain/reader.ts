import {
  type Address,
  decodeFunctionResult,
  encodeFunctionData,
  getAddress,
  type Hex,
  numberToHex,
  parseAbi,
} from 'viem';
import { type ChainClient, toRpcError } from './client.js';
import { ReadCache } from './read-cache.js';

export interface CallRequest {
  to: Address;
  data: Hex;
  /** Caller to simulate (eth_call `from`); never sent through Multicall3, which would replace it. */
  from?: Address;
}

export interface CallOutcome {
  success: boolean;
  /** Return data on success, revert data (possibly `0x`) on failure. */
  data: Hex;
}

/** Canonical Multicall3 deployment address (same on most chains). */
export const MULTICALL3_ADDRESS: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

const multicall3Abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
]);

/** Error names that mean the node was not reached / not healthy, as opposed to a revert. */
const TRANSPORT_ERRORS =
  /HttpRequestError|TimeoutError|SocketClosedError|WebSocketRequestError|RpcRequestError.*429/;

function isTransportFailure(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; current && depth < 8; depth += 1) {
    const name = (current as { name?: string }).name ?? '';
    if (TRANSPORT_ERRORS.test(name)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function revertData(err: unknown): Hex {
  let current: unknown = err;
  for (let depth = 0; current && depth < 8; depth += 1) {
    const data = (current as { data?: unknown }).data;
    if (typeof data === 'string' && data.startsWith('0x')) return data as Hex;
    current = (current as { cause?: unknown }).cause;
  }
  return '0x';
}

/**
 * Reads of one chain pinned at one block, so every read of a scan sees the same
 * state and can be cached forever under (chain, address, block). Independent reads
 * issued together leave in one JSON-RPC batch; `callMany` uses Multicall3 when the
 * chain config names it and code exists there.
 */
export class ChainReader {
  private constructor(
    readonly chain: ChainClient,
    readonly cache: ReadCache,
    readonly blockNumber: bigint,
    /** Seconds; null when pinned by number without reading the header. */
    readonly blockTimestamp: number | null,
  ) {}

  /** Pins the reader at the current head (one `eth_getBlockByNumber("latest")`, for number and time). */
  static async atLatest(chain: ChainClient, cache: ReadCache = new ReadCache()): Promise<ChainReader> {
    try {
      const head = await chain.rpc<{ number: Hex; timestamp: Hex } | null>('eth_getBlockByNumber', [
        'latest',
        false,
      ]);
      if (!head) throw new Error('the node returned no latest block');
      return new ChainReader(chain, cache, BigInt(head.number), Number(BigInt(head.timestamp)));
    } catch (err) {
      throw toRpcError(err, chain.chainId);
    }
  }

  static at(chain: ChainClient, blockNumber: bigint, cache: ReadCache = new ReadCache()): ChainReader {
    return new ChainReader(chain, cache, blockNumber, null);
  }

  private get block(): Hex {
    return numberToHex(this.blockNumber);
  }

  private cached<T>(address: string, what: string, load: () => Promise<T>): Promise<T> {
    const key = ReadCache.key(this.chain.chainId, address, this.blockNumber, what);
    return this.cache.getOrLoad(key, async () => {
      try {
        return await load();
      } catch (err) {
        throw toRpcError(err, this.chain.chainId);
      }
    });
  }

  getCode(address: Address): Promise<Hex> {
    return this.cached(address, 'code', async () => {
      const code = await this.chain.rpc<Hex | null>('eth_getCode', [address, this.block]);
      return (code ?? '0x') as Hex;
    });
  }

  getBalance(address: Address): Promise<bigint> {
    return this.cached(address, 'balance', async () =>
      BigInt(await this.chain.rpc<Hex>('eth_getBalance', [address, this.block])),
    );
  }

  getNonce(address: Address): Promise<number> {
    return this.cached(address, 'nonce', async () =>
      Number(await this.chain.rpc<Hex>('eth_getTransactionCount', [address, this.block])),
    );
  }

  getStorageAt(address: Address, slot: Hex): Promise<Hex> {
    return this.cached(address, `slot:${slot}`, () =>
      this.chain.rpc<Hex>('eth_getStorageAt', [address, slot, this.block]),
    );
  }

  /** eth_call that reports a revert as `{success:false}` and throws only when the node is unreachable. */
  call(request: CallRequest): Promise<CallOutcome> {
    const from = request.from ? `from:${request.from.toLowerCase()}:` : '';
    return this.cached(request.to, `call:${from}${request.data}`, async () => {
      try {
        const tx = request.from
          ? { from: request.from, to: request.to, data: request.data }
          : { to: request.to, data: request.data };
        const data = await this.chain.rpc<Hex>('eth_call', [tx, this.block]);
        return { success: true, data };
      } catch (err) {
        if (isTransportFailure(err)) throw err;
        return { success: false, data: revertData(err) };
      }
    });
  }

  private multicallAvailable(): Promise<Address | undefined> {
    const configured = this.chain.config.multicall3;
    if (!configured) return Promise.resolve(undefined);
    const address = getAddress(configured);
    return this.getCode(address).then((code) => (code.length > 2 ? address : undefined));
  }

  /**
   * Several calls in one round trip: one Multicall3 `aggregate3` eth_call where deployed,
   * else plain eth_calls that leave together in one JSON-RPC batch.
   */
  async callMany(requests: readonly CallRequest[]): Promise<CallOutcome[]> {
    if (requests.length === 0) return [];
    const multicall = await this.multicallAvailable();
    if (!multicall || requests.length === 1 || requests.some((r) => r.from)) {
      return Promise.all(requests.map((r) => this.call(r)));
    }
    const key = requests.map((r) => `${r.to.toLowerCase()}${r.data}`).join('|');
    return this.cached(multicall, `multicall:${key}`, async () => {
      const data = encodeFunctionData({
        abi: multicall3Abi,
        functionName: 'aggregate3',
        args: [requests.map((r) => ({ target: r.to, allowFailure: true, callData: r.data }))],
      });
      const raw = await this.chain.rpc<Hex>('eth_call', [{ to: multicall, data }, this.block]);
      const results = decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data: raw });
      return results.map((r) => ({ success: r.success, data: r.returnData }));
    });
  }

  /** Raw JSON-RPC that returns `undefined` when the node does not support the method. */
  async optionalRpc<T>(method: string, params: unknown[], cacheAddress: string): Promise<T | undefined> {
    return this.cached(cacheAddress, `rpc:${method}:${JSON.stringify(params)}`, async () => {
      try {
        return await this.chain.rpc<T>(method, params);
      } catch (err) {
        if (isTransportFailure(err)) throw err;
        return undefined;
      }
    });
  }
}
