/**
 * A real local HTTP server speaking the Etherscan `getsourcecode` API and the
 * Sourcify v1/v2 APIs, serving contracts from Vigil's own fixtures. Tests point
 * config `platforms[p][c].apiUrl` and `sourcify.url` at it (loopback only).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
export const SOURCE_FIXTURES_DIR = path.join(REPO, 'test/engines/contract/sources/fixtures');

/** The seed's contract address: served as TRIUMPH, a ~1,000-line multi-file token. */
export const TRIUMPH_ADDRESS = '0xc2498D4fB17A956A847091D088f1D7f6fE745f5B';
export const BANK_ADDRESS = '0x1111111111111111111111111111111111111111';
export const PROXY_ADDRESS = '0x2222222222222222222222222222222222222222';
export const FLATTENED_ADDRESS = '0x3333333333333333333333333333333333333333';
export const LEGACY_MULTI_ADDRESS = '0x4444444444444444444444444444444444444444';
export const SOURCIFY_ONLY_ADDRESS = '0x5555555555555555555555555555555555555555';
export const SOURCIFY_PARTIAL_ADDRESS = '0x6666666666666666666666666666666666666666';
export const SOURCIFY_PROXY_ADDRESS = '0x7777777777777777777777777777777777777777';
export const UNVERIFIED_ADDRESS = '0x9999999999999999999999999999999999999999';

export type ExplorerLayout = 'standard-json' | 'multi' | 'flattened' | 'single';

export interface ExplorerDeployment {
  address: string;
  /** Directory name under SOURCE_FIXTURES_DIR, or an absolute path. */
  fixture: string;
  /** How `getsourcecode` stores the source; default standard-json for several files, single otherwise. */
  layout?: ExplorerLayout;
  /** Marks the deployment as a proxy of this implementation address. */
  implementation?: string;
  etherscan?: boolean;
  sourcify?: 'full' | 'partial' | false;
}

export const DEFAULT_DEPLOYMENTS: ExplorerDeployment[] = [
  { address: TRIUMPH_ADDRESS, fixture: 'triumph', sourcify: 'full' },
  { address: BANK_ADDRESS, fixture: 'bank', sourcify: 'full' },
  { address: PROXY_ADDRESS, fixture: 'proxy', implementation: BANK_ADDRESS },
  { address: FLATTENED_ADDRESS, fixture: 'triumph', layout: 'flattened' },
  { address: LEGACY_MULTI_ADDRESS, fixture: 'triumph', layout: 'multi' },
  { address: SOURCIFY_ONLY_ADDRESS, fixture: 'bank', etherscan: false, sourcify: 'full' },
  { address: SOURCIFY_PARTIAL_ADDRESS, fixture: 'triumph', etherscan: false, sourcify: 'partial' },
  {
    address: SOURCIFY_PROXY_ADDRESS,
    fixture: 'proxy',
    implementation: BANK_ADDRESS,
    etherscan: false,
    sourcify: 'full',
  },
];

export interface FixtureInfo {
  contractName: string;
  compilerVersion: string;
  evmVersion?: string;
  licenseType?: string;
  optimizationUsed?: boolean;
  runs?: number;
  entry?: string;
  remappings?: string[];
}

export interface FixtureContract {
  info: FixtureInfo;
  /** Fixture files plus every library file they import (from node_modules), as an explorer stores them. */
  files: Record<string, string>;
  entry: string;
}

const IMPORT = /^\s*import\s+(?:[^'"]*?from\s+)?["']([^"']+)["']\s*;/gm;

function listSol(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listSol(path.join(dir, e.name), rel));
    else if (e.name.endsWith('.sol')) out.push(rel);
  }
  return out.sort();
}

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] as string);
}

function resolveImport(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
}

/** Reads a fixture and pulls in its library imports from node_modules, transitively. */
export function loadFixtureContract(fixture: string): FixtureContract {
  const dir = path.isAbsolute(fixture) ? fixture : path.join(SOURCE_FIXTURES_DIR, fixture);
  const infoFile = path.join(dir, 'contract.json');
  const info = JSON.parse(readFileSync(infoFile, 'utf8')) as FixtureInfo;
  const files: Record<string, string> = {};
  const queue = listSol(dir);
  for (const rel of queue) files[rel] = readFileSync(path.join(dir, rel), 'utf8');
  const pending = [...queue];
  while (pending.length) {
    const file = pending.pop() as string;
    for (const spec of importsOf(files[file] ?? '')) {
      const target = resolveImport(file, spec);
      if (files[target] !== undefined) continue;
      const onDisk = path.join(REPO, 'node_modules', target);
      if (!existsSync(onDisk))
        throw new Error(`fixture ${fixture}: cannot resolve import ${spec} from ${file}`);
      files[target] = readFileSync(onDisk, 'utf8');
      pending.push(target);
    }
  }
  const entry = info.entry ?? listSol(dir)[0] ?? '';
  return { info, files, entry };
}

/** Dependencies first, import lines removed: what "flatten" tools upload to explorers. */
export function flatten(contract: FixtureContract): string {
  const done = new Set<string>();
  const parts: string[] = [];
  const visit = (file: string) => {
    if (done.has(file)) return;
    done.add(file);
    for (const spec of importsOf(contract.files[file] ?? '')) visit(resolveImport(file, spec));
    parts.push(`// File: ${file}\n\n${(contract.files[file] ?? '').replace(IMPORT, '')}`);
  };
  for (const file of Object.keys(contract.files).sort()) visit(file);
  return parts.join('\n\n');
}

function sourceCodeFor(contract: FixtureContract, layout: ExplorerLayout): string {
  const sources = Object.fromEntries(Object.entries(contract.files).map(([p, content]) => [p, { content }]));
  switch (layout) {
    case 'standard-json':
      return `{${JSON.stringify({
        language: 'Solidity',
        sources,
        settings: {
          optimizer: { enabled: contract.info.optimizationUsed ?? false, runs: contract.info.runs ?? 200 },
          ...(contract.info.remappings ? { remappings: contract.info.remappings } : {}),
          outputSelection: { '*': { '*': ['abi', 'evm.bytecode'] } },
        },
      })}}`;
    case 'multi':
      return JSON.stringify(sources);
    case 'flattened':
      return flatten(contract);
    case 'single':
      return contract.files[contract.entry] ?? '';
  }
}

export interface RateLimitPlan {
  /** How many upcoming requests get rate-limited. */
  count: number;
  /** `http`: 429 + Retry-After; `body`: Etherscan's 200 `{"status":"0","result":"Max rate limit reached"}`. */
  style?: 'http' | 'body';
  retryAfterSeconds?: number;
}

export interface ExplorerServerOptions {
  deployments?: ExplorerDeployment[];
  /** When set, `getsourcecode` requires `apikey=<this>`. */
  apiKey?: string;
  /** Which Sourcify API generations to serve (default both). */
  sourcifyApi?: 'v1' | 'v2' | 'both';
  /** Delay before every answer (slow explorers, progress events). */
  delayMs?: number;
}

export interface RecordedRequest {
  path: string;
  query: Record<string, string>;
}

export interface ExplorerServer {
  url: string;
  sourcifyUrl: string;
  etherscanApiUrl(platform: string, chain: string): string;
  /** A config `platforms` object pointing every pair at this server. */
  platformsConfig(
    pairs: Record<string, Record<string, number>>,
  ): Record<
    string,
    Record<string, { apiUrl: string; apiKey?: string; chainId: number; browserUrl: string; currency: string }>
  >;
  requests: RecordedRequest[];
  rateLimit(plan: RateLimitPlan): void;
  /** The next `count` requests answer `status` (e.g. 500, 502). */
  failNext(count: number, status: number): void;
  setDelay(ms: number): void;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export async function startExplorerServer(options: ExplorerServerOptions = {}): Promise<ExplorerServer> {
  const deployments = new Map<string, ExplorerDeployment>();
  for (const d of options.deployments ?? DEFAULT_DEPLOYMENTS) deployments.set(d.address.toLowerCase(), d);
  const loaded = new Map<string, FixtureContract>();
  const contractOf = (d: ExplorerDeployment): FixtureContract => {
    let c = loaded.get(d.fixture);
    if (!c) {
      c = loadFixtureContract(d.fixture);
      loaded.set(d.fixture, c);
    }
    return c;
  };
  const sourcifyApi = options.sourcifyApi ?? 'both';
  const requests: RecordedRequest[] = [];
  let rate: Required<RateLimitPlan> | undefined;
  let failures = { count: 0, status: 500 };
  let delayMs = options.delayMs ?? 0;

  function etherscan(query: Record<string, string>, res: ServerResponse) {
    if (query.module !== 'contract' || query.action !== 'getsourcecode') {
      return send(res, 200, {
        status: '0',
        message: 'NOTOK',
        result: 'Error! Missing Or invalid Module name',
      });
    }
    if (options.apiKey !== undefined && query.apikey !== options.apiKey) {
      return send(res, 200, { status: '0', message: 'NOTOK', result: 'Invalid API Key' });
    }
    const address = query.address ?? '';
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) {
      return send(res, 200, { status: '0', message: 'NOTOK', result: 'Invalid Address format' });
    }
    const d = deployments.get(address.toLowerCase());
    if (!d || d.etherscan === false) {
      return send(res, 200, {
        status: '1',
        message: 'OK',
        result: [
          {
            SourceCode: '',
            ABI: 'Contract source code not verified',
            ContractName: '',
            CompilerVersion: '',
            OptimizationUsed: '',
            Runs: '',
            ConstructorArguments: '',
            EVMVersion: '',
            Library: '',
            LicenseType: '',
            Proxy: '0',
            Implementation: '',
            SwarmSource: '',
          },
        ],
      });
    }
    const c = contractOf(d);
    const layout = d.layout ?? (Object.keys(c.files).length > 1 ? 'standard-json' : 'single');
    send(res, 200, {
      status: '1',
      message: 'OK',
      result: [
        {
          SourceCode: sourceCodeFor(c, layout),
          ABI: '[]',
          ContractName: c.info.contractName,
          CompilerVersion: c.info.compilerVersion,
          OptimizationUsed: c.info.optimizationUsed ? '1' : '0',
          Runs: String(c.info.runs ?? 200),
          ConstructorArguments: '',
          EVMVersion: c.info.evmVersion ?? 'Default',
          Library: '',
          LicenseType: c.info.licenseType ?? 'None',
          Proxy: d.implementation ? '1' : '0',
          Implementation: d.implementation ?? '',
          SwarmSource: '',
        },
      ],
    });
  }

  function sourcifyDeployment(address: string): { d: ExplorerDeployment; c: FixtureContract } | undefined {
    const d = deployments.get(address.toLowerCase());
    if (!d?.sourcify) return undefined;
    return { d, c: contractOf(d) };
  }

  function sourcifyV2(chainId: string, address: string, res: ServerResponse) {
    const hit = sourcifyDeployment(address);
    if (!hit) {
      return send(res, 404, {
        customCode: 'not_found',
        message: `Contract ${address} on chain ${chainId} not found or not verified`,
        errorId: 'b1d5c2a0-0000-4000-8000-000000000000',
      });
    }
    const { d, c } = hit;
    send(res, 200, {
      match: d.sourcify === 'full' ? 'exact_match' : 'match',
      creationMatch: d.sourcify === 'full' ? 'exact_match' : 'match',
      runtimeMatch: d.sourcify === 'full' ? 'exact_match' : 'match',
      chainId,
      address,
      verifiedAt: '2024-04-19T11:37:17Z',
      sources: Object.fromEntries(Object.entries(c.files).map(([p, content]) => [p, { content }])),
      compilation: {
        language: 'Solidity',
        compiler: 'solc',
        compilerVersion: c.info.compilerVersion.replace(/^v/, ''),
        compilerSettings: {
          evmVersion: c.info.evmVersion === 'Default' ? undefined : c.info.evmVersion,
          optimizer: { enabled: c.info.optimizationUsed ?? false, runs: c.info.runs ?? 200 },
          remappings: c.info.remappings ?? [],
        },
        name: c.info.contractName,
        fullyQualifiedName: `${c.entry}:${c.info.contractName}`,
      },
      proxyResolution: d.implementation
        ? {
            isProxy: true,
            proxyType: 'EIP1967Proxy',
            implementations: [{ address: d.implementation, name: 'EtherBank' }],
          }
        : { isProxy: false, proxyType: null, implementations: [] },
    });
  }

  function sourcifyV1(chainId: string, address: string, res: ServerResponse) {
    const hit = sourcifyDeployment(address);
    if (!hit) return send(res, 404, { error: `Files have not been found!` });
    const { d, c } = hit;
    const kind = d.sourcify === 'full' ? 'full_match' : 'partial_match';
    const root = `/data/repository/contracts/${kind}/${chainId}/${address}`;
    const metadata = {
      compiler: { version: c.info.compilerVersion.replace(/^v/, '') },
      language: 'Solidity',
      settings: {
        compilationTarget: { [c.entry]: c.info.contractName },
        evmVersion: c.info.evmVersion === 'Default' ? 'shanghai' : c.info.evmVersion,
        optimizer: { enabled: c.info.optimizationUsed ?? false, runs: c.info.runs ?? 200 },
        remappings: c.info.remappings ?? [],
      },
      sources: Object.fromEntries(Object.keys(c.files).map((p) => [p, { keccak256: '0x', urls: [] }])),
      version: 1,
    };
    send(res, 200, {
      status: d.sourcify === 'full' ? 'full' : 'partial',
      files: [
        { name: 'metadata.json', path: `${root}/metadata.json`, content: JSON.stringify(metadata) },
        ...Object.entries(c.files).map(([p, content]) => ({
          name: path.posix.basename(p),
          path: `${root}/sources/${p}`,
          content,
        })),
      ],
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams.entries());
    requests.push({ path: url.pathname, query });
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      return send(res, failures.status, { error: 'injected failure' });
    }
    if (rate && rate.count > 0) {
      rate = { ...rate, count: rate.count - 1 };
      if (rate.style === 'http') {
        return send(
          res,
          429,
          { status: '0', message: 'NOTOK', result: 'Too many requests' },
          {
            'retry-after': String(rate.retryAfterSeconds),
          },
        );
      }
      return send(res, 200, {
        status: '0',
        message: 'NOTOK',
        result: 'Max rate limit reached, please use API Key for higher rate limit',
      });
    }
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'sourcify') {
      if (parts[1] === 'v2' && parts[2] === 'contract' && parts.length === 5 && sourcifyApi !== 'v1') {
        return sourcifyV2(parts[3] as string, parts[4] as string, res);
      }
      if (parts[1] === 'files' && parts[2] === 'any' && parts.length === 5 && sourcifyApi !== 'v2') {
        return sourcifyV1(parts[3] as string, parts[4] as string, res);
      }
      res.writeHead(404, { 'content-type': 'text/html' });
      return void res.end('<html><body>Cannot GET</body></html>');
    }
    if (parts.at(-1) === 'api') return etherscan(query, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { error: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    sourcifyUrl: `${url}/sourcify`,
    etherscanApiUrl: (platform, chain) => `${url}/${platform}/${chain}/api`,
    platformsConfig(pairs) {
      return Object.fromEntries(
        Object.entries(pairs).map(([platform, chains]) => [
          platform,
          Object.fromEntries(
            Object.entries(chains).map(([chain, chainId]) => [
              chain,
              {
                apiUrl: `${url}/${platform}/${chain}/api`,
                ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
                chainId,
                browserUrl: `${url}/${platform}/${chain}/address/`,
                currency: 'ETH',
              },
            ]),
          ),
        ]),
      );
    },
    requests,
    rateLimit(plan) {
      rate = {
        count: plan.count,
        style: plan.style ?? 'http',
        retryAfterSeconds: plan.retryAfterSeconds ?? 0,
      };
    },
    failNext(count, status) {
      failures = { count, status };
    },
    setDelay(ms) {
      delayMs = ms;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
