import type { VigilConfig } from '../../../core/config.js';
import { VigilError } from '../../../core/errors.js';
import { type EtherscanSourceItem, parseEtherscanSourceCode } from './etherscan-format.js';
import { platformChainConfig } from './explorer-target.js';
import { getJson, type HttpRetryOptions } from './http.js';
import { followImplementation, implementationOf } from './proxy.js';
import type { ContractRef, FetchedSource, SourceFetchOptions, SourceProvider } from './types.js';

export interface EtherscanProviderOptions extends HttpRetryOptions {
  config: Pick<VigilConfig, 'platforms'>;
  now?: () => number;
  /** Follow `Proxy: "1"` to the reported `Implementation` (default true). */
  followProxies?: boolean;
}

interface EtherscanEnvelope {
  status?: string;
  message?: string;
  result?: unknown;
}

const NOT_VERIFIED = /not verified|source code not|no source/i;

function isRateLimitBody(body: unknown): boolean {
  const env = body as EtherscanEnvelope;
  return env?.status === '0' && typeof env.result === 'string' && /rate limit/i.test(env.result);
}

/**
 * Etherscan-compatible `getsourcecode` client (Etherscan V1/V2, the *scan
 * family, Blockscout and Routescan expose the same action). Base URL, key and
 * chain id come from config `platforms[platform][chain]`.
 */
export function createEtherscanProvider(options: EtherscanProviderOptions): SourceProvider {
  const now = options.now ?? Date.now;
  const followProxies = options.followProxies ?? true;

  async function getItem(ref: ContractRef, signal?: AbortSignal): Promise<EtherscanSourceItem | undefined> {
    const cfg = platformChainConfig(options.config, ref);
    const url = new URL(cfg.apiUrl);
    url.searchParams.set('module', 'contract');
    url.searchParams.set('action', 'getsourcecode');
    url.searchParams.set('address', ref.address);
    // Etherscan V2 serves every chain from one host and selects it by chainid; other explorers ignore it.
    if (cfg.chainId !== undefined) url.searchParams.set('chainid', String(cfg.chainId));
    if (cfg.apiKey) url.searchParams.set('apikey', cfg.apiKey);
    const upstream = `${ref.platform} ${ref.chain} explorer`;
    const res = await getJson({ url, upstream, signal, isRateLimited: isRateLimitBody }, options);
    const env = (res.body ?? {}) as EtherscanEnvelope;
    if (res.status === 404 && env.status === undefined) {
      throw new VigilError(
        'UPSTREAM_UNAVAILABLE',
        `${upstream} answered HTTP 404: check the configured apiUrl.`,
        {
          details: { upstream, status: 404 },
        },
      );
    }
    if (res.status >= 400 && env.status === undefined) {
      throw new VigilError('UPSTREAM_UNAVAILABLE', `${upstream} answered HTTP ${res.status}.`, {
        details: { upstream, status: res.status },
      });
    }
    if (env.status !== '1') {
      const text = `${env.message ?? ''} ${typeof env.result === 'string' ? env.result : ''}`.trim();
      if (NOT_VERIFIED.test(text)) return undefined;
      if (/invalid address/i.test(text)) {
        throw new VigilError('INVALID_TARGET', `${upstream} rejected the address: ${text}.`);
      }
      throw new VigilError(
        'UPSTREAM_UNAVAILABLE',
        `${upstream} refused the request: ${text || 'no reason given'}.`,
        {
          details: {
            upstream,
            message: env.message ?? null,
            result: typeof env.result === 'string' ? env.result : null,
          },
        },
      );
    }
    if (!Array.isArray(env.result) || env.result.length === 0) return undefined;
    return env.result[0] as EtherscanSourceItem;
  }

  async function fetchOne(
    ref: ContractRef,
    signal: AbortSignal | undefined,
    hops: number,
  ): Promise<FetchedSource> {
    const item = await getItem(ref, signal);
    const parsed = item ? parseEtherscanSourceCode(item) : undefined;
    if (!item || !parsed) {
      throw new VigilError(
        'CONTRACT_NOT_VERIFIED',
        `Contract ${ref.address} is not verified on ${ref.platform} ${ref.chain}.`,
        {
          details: { platform: ref.platform, chain: ref.chain, address: ref.address },
        },
      );
    }
    const implementationAddress = item.Proxy === '1' ? implementationOf(item.Implementation) : null;
    if (followProxies) {
      const followed = await followImplementation(ref, implementationAddress, hops, (r, h) =>
        fetchOne(r, signal, h),
      );
      if (followed) return followed;
    }

    const { layout, ...bundle } = parsed;
    const compilerVersion = item.CompilerVersion?.trim() ?? '';
    const runs = Number.parseInt(item.Runs ?? '', 10);
    return {
      bundle: { ...bundle, ...(compilerVersion ? { compilerVersion } : {}) },
      meta: {
        platform: ref.platform,
        chain: ref.chain,
        address: ref.address,
        contractName: item.ContractName?.trim() ?? '',
        compilerVersion,
        evmVersion: item.EVMVersion?.trim() || 'Default',
        licenseType: item.LicenseType?.trim() || 'None',
        optimizationUsed: item.OptimizationUsed === '1' || item.OptimizationUsed === 'true',
        runs: Number.isFinite(runs) ? runs : null,
        implementationAddress,
        sourceAddress: ref.address,
        provider: 'etherscan',
        match: 'full',
        layout,
        fetchedAt: now(),
      },
    };
  }

  return {
    name: 'etherscan',
    fetch(ref: ContractRef, fetchOptions: SourceFetchOptions = {}): Promise<FetchedSource> {
      return fetchOne(ref, fetchOptions.signal, 0);
    },
  };
}
