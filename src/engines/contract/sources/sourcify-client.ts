import type { VigilConfig } from '../../../core/config.js';
import { VigilError } from '../../../core/errors.js';
import { findEntry } from './etherscan-format.js';
import { platformChainConfig } from './explorer-target.js';
import { getJson, type HttpRetryOptions } from './http.js';
import { spdxLicense } from './license.js';
import { followImplementation, implementationOf } from './proxy.js';
import type {
  ContractRef,
  ContractSourceMeta,
  FetchedSource,
  SourceFetchOptions,
  SourceProvider,
} from './types.js';

export interface SourcifyProviderOptions extends HttpRetryOptions {
  /** Sourcify server base, e.g. https://sourcify.dev/server (config `sourcify.url`). */
  url: string;
  /** platform/chain → EVM chain id; config `platforms[p][c].chainId` by default. */
  config: Pick<VigilConfig, 'platforms'>;
  now?: () => number;
  followProxies?: boolean;
}

interface V2Contract {
  match?: string | null;
  sources?: Record<string, { content?: string }>;
  compilation?: {
    compilerVersion?: string;
    name?: string;
    fullyQualifiedName?: string;
    compilerSettings?: {
      evmVersion?: string;
      remappings?: unknown;
      optimizer?: { enabled?: boolean; runs?: number };
    };
  };
  proxyResolution?: { isProxy?: boolean; implementations?: { address?: string }[] };
}

interface V1Files {
  status?: string;
  files?: { name?: string; path?: string; content?: string }[];
}

interface SourcifyMetadata {
  compiler?: { version?: string };
  settings?: {
    compilationTarget?: Record<string, string>;
    evmVersion?: string;
    remappings?: unknown;
    optimizer?: { enabled?: boolean; runs?: number };
  };
}

type Parsed = {
  files: Record<string, string>;
  meta: Omit<
    ContractSourceMeta,
    'platform' | 'chain' | 'address' | 'implementationAddress' | 'sourceAddress' | 'fetchedAt'
  >;
  remappings?: string[];
  entry?: string;
  implementation?: string;
};

function strings(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((x): x is string => typeof x === 'string');
  return out.length ? out : undefined;
}

function withV(version: string | undefined): string {
  if (!version) return '';
  return version.startsWith('v') ? version : `v${version}`;
}

/**
 * Sourcify client: API v2 (`/v2/contract/{chainId}/{address}`), falling back
 * to v1 (`/files/any/{chainId}/{address}`) for servers that predate v2. Full
 * (exact) and partial matches are both accepted; `meta.match` says which.
 */
export function createSourcifyProvider(options: SourcifyProviderOptions): SourceProvider {
  const now = options.now ?? Date.now;
  const base = options.url.replace(/\/+$/, '');
  const followProxies = options.followProxies ?? true;

  function chainIdOf(ref: ContractRef): number {
    const cfg = platformChainConfig(options.config, ref);
    if (cfg.chainId === undefined) {
      throw new VigilError(
        'UNSUPPORTED_CHAIN',
        `No chainId is configured for ${ref.platform}/${ref.chain}; Sourcify needs one.`,
        {
          details: { platform: ref.platform, chain: ref.chain },
        },
      );
    }
    return cfg.chainId;
  }

  function notVerified(ref: ContractRef, chainId: number): VigilError {
    return new VigilError(
      'CONTRACT_NOT_VERIFIED',
      `Contract ${ref.address} is not verified on Sourcify (chain ${chainId}).`,
      {
        details: { platform: ref.platform, chain: ref.chain, address: ref.address, chainId },
      },
    );
  }

  async function v2(
    chainId: number,
    ref: ContractRef,
    signal?: AbortSignal,
  ): Promise<Parsed | 'not-found' | 'no-v2'> {
    const url = new URL(`${base}/v2/contract/${chainId}/${ref.address}`);
    url.searchParams.set('fields', 'sources,compilation,proxyResolution');
    const res = await getJson({ url, upstream: 'sourcify', signal }, options);
    const body = res.body as (V2Contract & { customCode?: string }) | undefined;
    if (res.status === 404) return body?.customCode ? 'not-found' : 'no-v2';
    if (res.status >= 400) {
      throw new VigilError('UPSTREAM_UNAVAILABLE', `sourcify answered HTTP ${res.status}.`, {
        details: { status: res.status },
      });
    }
    if (!body?.match || !body.sources) return 'not-found';
    const files: Record<string, string> = {};
    for (const [p, s] of Object.entries(body.sources))
      if (typeof s?.content === 'string') files[p] = s.content;
    const comp = body.compilation ?? {};
    const name = comp.name ?? '';
    const fqPath = comp.fullyQualifiedName?.slice(0, comp.fullyQualifiedName.lastIndexOf(':'));
    const entry = fqPath && files[fqPath] !== undefined ? fqPath : findEntry(files, name);
    const settings = comp.compilerSettings ?? {};
    const remappings = strings(settings.remappings);
    return {
      files,
      ...(entry ? { entry } : {}),
      ...(remappings ? { remappings } : {}),
      implementation: body.proxyResolution?.isProxy
        ? body.proxyResolution.implementations?.[0]?.address
        : undefined,
      meta: {
        contractName: name,
        compilerVersion: withV(comp.compilerVersion),
        evmVersion: settings.evmVersion || 'Default',
        licenseType: spdxLicense(entry ? files[entry] : undefined),
        optimizationUsed: settings.optimizer?.enabled === true,
        runs: settings.optimizer?.runs ?? null,
        provider: 'sourcify',
        match: body.match === 'exact_match' || body.match === 'perfect' ? 'full' : 'partial',
        layout: Object.keys(files).length > 1 ? 'standard-json' : 'single',
      },
    };
  }

  async function v1(chainId: number, ref: ContractRef, signal?: AbortSignal): Promise<Parsed | 'not-found'> {
    const url = new URL(`${base}/files/any/${chainId}/${ref.address}`);
    const res = await getJson({ url, upstream: 'sourcify', signal }, options);
    if (res.status === 404) return 'not-found';
    if (res.status >= 400) {
      throw new VigilError('UPSTREAM_UNAVAILABLE', `sourcify answered HTTP ${res.status}.`, {
        details: { status: res.status },
      });
    }
    const body = res.body as V1Files;
    if (!Array.isArray(body.files)) return 'not-found';
    const files: Record<string, string> = {};
    let metadata: SourcifyMetadata = {};
    for (const f of body.files) {
      if (typeof f.content !== 'string') continue;
      const path = f.path ?? f.name ?? '';
      const marker = path.indexOf('/sources/');
      if (marker >= 0) files[path.slice(marker + '/sources/'.length)] = f.content;
      else if ((f.name ?? path).endsWith('metadata.json')) {
        try {
          metadata = JSON.parse(f.content) as SourcifyMetadata;
        } catch {
          // A broken metadata file only costs us the compiler details.
        }
      }
    }
    if (Object.keys(files).length === 0) return 'not-found';
    const target = Object.entries(metadata.settings?.compilationTarget ?? {})[0];
    const name = target?.[1] ?? '';
    const entry = target && files[target[0]] !== undefined ? target[0] : findEntry(files, name);
    const remappings = strings(metadata.settings?.remappings);
    return {
      files,
      ...(entry ? { entry } : {}),
      ...(remappings ? { remappings } : {}),
      meta: {
        contractName: name,
        compilerVersion: withV(metadata.compiler?.version),
        evmVersion: metadata.settings?.evmVersion || 'Default',
        licenseType: spdxLicense(entry ? files[entry] : undefined),
        optimizationUsed: metadata.settings?.optimizer?.enabled === true,
        runs: metadata.settings?.optimizer?.runs ?? null,
        provider: 'sourcify',
        match: body.status === 'full' ? 'full' : 'partial',
        layout: Object.keys(files).length > 1 ? 'standard-json' : 'single',
      },
    };
  }

  async function fetchOne(
    ref: ContractRef,
    signal: AbortSignal | undefined,
    hops: number,
  ): Promise<FetchedSource> {
    const chainId = chainIdOf(ref);
    let parsed: Parsed | 'not-found' | 'no-v2' = await v2(chainId, ref, signal);
    if (parsed === 'no-v2') parsed = await v1(chainId, ref, signal);
    if (parsed === 'not-found') throw notVerified(ref, chainId);

    const implementationAddress = implementationOf(parsed.implementation);
    if (followProxies) {
      const followed = await followImplementation(ref, implementationAddress, hops, (r, h) =>
        fetchOne(r, signal, h),
      );
      if (followed) return followed;
    }
    const { compilerVersion } = parsed.meta;
    return {
      bundle: {
        files: parsed.files,
        ...(parsed.entry ? { entry: parsed.entry } : {}),
        ...(parsed.remappings ? { remappings: parsed.remappings } : {}),
        ...(compilerVersion ? { compilerVersion } : {}),
      },
      meta: {
        ...parsed.meta,
        platform: ref.platform,
        chain: ref.chain,
        address: ref.address,
        implementationAddress,
        sourceAddress: ref.address,
        fetchedAt: now(),
      },
    };
  }

  return {
    name: 'sourcify',
    fetch(ref: ContractRef, fetchOptions: SourceFetchOptions = {}): Promise<FetchedSource> {
      return fetchOne(ref, fetchOptions.signal, 0);
    },
  };
}
