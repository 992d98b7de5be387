/**
 * Source providers fetch the verified source of a deployed contract. The
 * analyzer only needs `bundle`; `meta` carries what the explorer says about the
 * contract (name, compiler, licence, proxy implementation) for reports.
 */

/** A deployed contract named the way the SolidityScan face and the engine target do: platform/chain/address. */
export interface ContractRef {
  /** Explorer platform key from config `platforms` (etherscan, bscscan, blockscout, ...). */
  platform: string;
  /** Chain key under that platform (mainnet, sepolia, testnet, ...). */
  chain: string;
  /** EIP-55 checksummed address. */
  address: string;
}

/** Structurally the analyzer's `SourceBundle`: path → content, plus compile hints. */
export interface SourceFiles {
  files: Record<string, string>;
  remappings?: string[];
  /** Path of the file declaring the main contract. */
  entry?: string;
  compilerVersion?: string;
}

export type SourceProviderName = 'etherscan' | 'sourcify' | 'local';
/** How the explorer stored the source: one file, legacy multi-file JSON, standard-JSON input, or flattened. */
export type SourceLayout = 'single' | 'multi' | 'standard-json' | 'flattened';

export interface ContractSourceMeta {
  platform: string;
  chain: string;
  address: string;
  contractName: string;
  /** As the explorer writes it, e.g. `v0.8.23+commit.f704f362`; empty when unknown. */
  compilerVersion: string;
  /** `Default` when the explorer does not say. */
  evmVersion: string;
  licenseType: string;
  optimizationUsed: boolean;
  runs: number | null;
  /**
   * When the address is a proxy and the provider named its implementation, the
   * implementation's address: the bundle then holds the implementation's source.
   */
  implementationAddress: string | null;
  /** The address whose source the bundle holds: `address`, or the implementation when it was followed. */
  sourceAddress: string;
  provider: SourceProviderName;
  /** Sourcify match quality; `full` for explorers (the explorer verified the exact bytecode). */
  match: 'full' | 'partial';
  layout: SourceLayout;
  /** Epoch ms when the source was fetched from its provider (not from the cache). */
  fetchedAt: number;
}

export interface FetchedSource {
  bundle: SourceFiles;
  meta: ContractSourceMeta;
}

export interface SourceFetchOptions {
  signal?: AbortSignal;
}

/**
 * Throws VigilError with:
 * - CONTRACT_NOT_VERIFIED: the provider answered and has no source for the address;
 * - UNSUPPORTED_CHAIN: the provider is not configured for the ref's platform/chain;
 * - UPSTREAM_UNAVAILABLE / UPSTREAM_RATE_LIMITED: the provider could not be asked.
 */
export interface SourceProvider {
  readonly name: string;
  fetch(ref: ContractRef, options?: SourceFetchOptions): Promise<FetchedSource>;
}

/** The fetch function providers use; injectable so tests and proxies can hand in their own. */
export type FetchFn = (input: string | URL, init?: RequestInit) => Promise<Response>;
