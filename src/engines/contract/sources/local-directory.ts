import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VigilError } from '../../../core/errors.js';
import { findEntry } from './etherscan-format.js';
import { spdxLicense } from './license.js';
import { implementationOf } from './proxy.js';
import type { ContractRef, FetchedSource, SourceFetchOptions, SourceProvider } from './types.js';

/**
 * Optional `contract.json` beside the sources: what an explorer would report.
 * Every field is optional; missing ones are inferred from the sources.
 */
export interface LocalContractInfo {
  contractName?: string;
  compilerVersion?: string;
  evmVersion?: string;
  licenseType?: string;
  optimizationUsed?: boolean;
  runs?: number;
  entry?: string;
  remappings?: string[];
  /** Address of the implementation when this directory holds a proxy. */
  implementation?: string;
}

export const LOCAL_INFO_FILE = 'contract.json';
const SOURCE_EXTENSIONS = new Set(['.sol']);
const MAX_FILES = 2_000;

export interface LocalDirectoryProviderOptions {
  /** Root holding `<platform>/<chain>/<address>/` or `<address>/` directories (address in any case). */
  root: string;
  now?: () => number;
}

/** Reads every `.sol` file below `dir` (skipping node_modules), keyed by forward-slash relative path. */
export async function readSourceTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !SOURCE_EXTENSIONS.has(path.extname(entry.name))) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    if (rel.split('/').includes('node_modules')) continue;
    if (Object.keys(files).length >= MAX_FILES) {
      throw new VigilError('VALIDATION_FAILED', `More than ${MAX_FILES} source files under ${dir}.`);
    }
    files[rel] = await readFile(full, 'utf8');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

export async function readLocalInfo(dir: string): Promise<LocalContractInfo> {
  const file = path.join(dir, LOCAL_INFO_FILE);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LocalContractInfo;
  } catch (err) {
    throw new VigilError('VALIDATION_FAILED', `Cannot read ${file}: ${(err as Error).message}`);
  }
}

/** The last contract declared in a source: for a file holding a main contract and its helpers, the main one. */
export function lastContractName(source: string | undefined): string {
  const names = [...(source ?? '').matchAll(/^\s*(?:abstract\s+)?contract\s+([A-Za-z_$][\w$]*)/gm)].map(
    (m) => m[1],
  );
  return names.at(-1) ?? '';
}

async function findDirectory(root: string, ref: ContractRef): Promise<string | undefined> {
  const lower = ref.address.toLowerCase();
  for (const parent of [path.join(root, ref.platform, ref.chain), root]) {
    if (!existsSync(parent)) continue;
    const names = await readdir(parent);
    const hit = names.find((n) => n.toLowerCase() === lower);
    if (hit) return path.join(parent, hit);
  }
  return undefined;
}

/** Serves sources from a local directory tree: audited copies, air-gapped installs, tests. */
export function createLocalDirectoryProvider(options: LocalDirectoryProviderOptions): SourceProvider {
  const now = options.now ?? Date.now;
  return {
    name: 'local',
    async fetch(ref: ContractRef, _options: SourceFetchOptions = {}): Promise<FetchedSource> {
      const dir = await findDirectory(options.root, ref);
      const files = dir ? await readSourceTree(dir) : {};
      if (!dir || Object.keys(files).length === 0) {
        throw new VigilError(
          'CONTRACT_NOT_VERIFIED',
          `No local source for ${ref.address} under ${options.root}.`,
          {
            details: { platform: ref.platform, chain: ref.chain, address: ref.address },
          },
        );
      }
      const info = await readLocalInfo(dir);
      const paths = Object.keys(files);
      const biggest = paths.reduce((a, b) => ((files[b]?.length ?? 0) > (files[a]?.length ?? 0) ? b : a));
      const contractName = info.contractName ?? lastContractName(files[info.entry ?? biggest]);
      const entry = info.entry ?? findEntry(files, contractName) ?? biggest;
      const compilerVersion = info.compilerVersion ?? '';
      return {
        bundle: {
          files,
          entry,
          ...(info.remappings?.length ? { remappings: info.remappings } : {}),
          ...(compilerVersion ? { compilerVersion } : {}),
        },
        meta: {
          platform: ref.platform,
          chain: ref.chain,
          address: ref.address,
          contractName,
          compilerVersion,
          evmVersion: info.evmVersion ?? 'Default',
          licenseType: info.licenseType ?? spdxLicense(files[entry]),
          optimizationUsed: info.optimizationUsed ?? false,
          runs: info.runs ?? null,
          implementationAddress: implementationOf(info.implementation),
          sourceAddress: ref.address,
          provider: 'local',
          match: 'full',
          layout: paths.length > 1 ? 'multi' : 'single',
          fetchedAt: now(),
        },
      };
    },
  };
}
