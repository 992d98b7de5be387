import type { ChainConfig } from '../core/config.js';
import { VigilError } from '../core/errors.js';
import { type ChainClient, type ChainClientOptions, createChainClient } from './client.js';

/** The chains Vigil knows, from config `chains`; clients are created lazily, once per chain. */
export interface ChainRegistry {
  has(chainId: number): boolean;
  ids(): number[];
  /** Throws VigilError UNSUPPORTED_CHAIN for an unconfigured chain. */
  get(chainId: number): ChainClient;
}

export function createChainRegistry(
  chains: readonly ChainConfig[],
  options: ChainClientOptions = {},
): ChainRegistry {
  const configs = new Map(chains.map((c) => [c.id, c]));
  const clients = new Map<number, ChainClient>();
  return {
    has: (chainId) => configs.has(chainId),
    ids: () => [...configs.keys()],
    get(chainId) {
      const existing = clients.get(chainId);
      if (existing) return existing;
      const config = configs.get(chainId);
      if (!config) {
        throw new VigilError('UNSUPPORTED_CHAIN', `chain_id ${chainId} is not configured`, {
          details: { chainId, supported: [...configs.keys()] },
        });
      }
      const client = createChainClient(config, options);
      clients.set(chainId, client);
      return client;
    },
  };
}
