import {
  type Chain,
  createPublicClient,
  defineChain,
  fallback,
  http,
  type PublicClient,
  type Transport,
} from 'viem';
import type { ChainConfig } from '../core/config.js';
import { VigilError } from '../core/errors.js';

/**
 * One configured EVM chain: a viem public client over every RPC URL of the chain
 * (failover in order), JSON-RPC batching per URL (calls made in the same tick
 * travel in one HTTP request), and retry with exponential backoff on transient
 * errors (viem retries 5xx/429/timeouts and not deterministic errors such as reverts).
 */
export interface ChainClient {
  readonly chainId: number;
  readonly name: string;
  readonly config: ChainConfig;
  readonly client: PublicClient<Transport, Chain>;
  /** Raw JSON-RPC for methods viem has no action for (ots_*, debug_*). */
  rpc<T>(method: string, params: unknown[]): Promise<T>;
  /** HTTP requests sent so far (one JSON-RPC batch = one round trip). */
  readonly stats: { roundTrips: number; requests: number };
}

export interface ChainClientOptions {
  /** Retries per URL on transient errors (default 2). */
  retryCount?: number;
  /** Base backoff in ms; viem doubles it per attempt (default 150). */
  retryDelayMs?: number;
  /** Per-request timeout in ms (default 10 000). */
  timeoutMs?: number;
  /** Max JSON-RPC calls per batch (default 100). */
  batchSize?: number;
}

export function createChainClient(config: ChainConfig, options: ChainClientOptions = {}): ChainClient {
  const stats = { roundTrips: 0, requests: 0 };
  const chain = defineChain({
    id: config.id,
    name: config.name,
    nativeCurrency: { name: config.nativeSymbol, symbol: config.nativeSymbol, decimals: 18 },
    rpcUrls: { default: { http: config.rpcUrls } },
  });
  const transports = config.rpcUrls.map((url) =>
    http(url, {
      batch: { batchSize: options.batchSize ?? 100, wait: 0 },
      retryCount: options.retryCount ?? 2,
      retryDelay: options.retryDelayMs ?? 150,
      timeout: options.timeoutMs ?? 10_000,
      onFetchRequest: async (request) => {
        stats.roundTrips += 1;
        try {
          const body = (await request.clone().json()) as unknown;
          stats.requests += Array.isArray(body) ? body.length : 1;
        } catch {
          stats.requests += 1;
        }
      },
    }),
  );
  const first = transports[0];
  if (!first) throw new VigilError('CONFIG_INVALID', `chain ${config.id} has no rpcUrls`);
  // fallback() moves to the next URL when one fails after its own retries.
  const transport: Transport =
    transports.length === 1 ? first : fallback(transports, { rank: false, retryCount: 0 });
  const client = createPublicClient({ chain, transport, batch: { multicall: false } }) as PublicClient<
    Transport,
    Chain
  >;

  const rpc = async <T>(method: string, params: unknown[]): Promise<T> => {
    const request = client.request as unknown as (args: { method: string; params: unknown[] }) => Promise<T>;
    return request({ method, params });
  };

  return { chainId: config.id, name: config.name, config, client, rpc, stats };
}

export function toRpcError(err: unknown, chainId: number): VigilError {
  if (err instanceof VigilError) return err;
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new VigilError('RPC_UNAVAILABLE', `chain ${chainId}: ${message}`, { cause: err });
}
