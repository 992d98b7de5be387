/**
 * Compiles Solidity fixture sources with the `solc` npm package (soljson, no native binary).
 *
 * - imports like `@openzeppelin/contracts/...` (any package) resolve from node_modules;
 *   relative imports resolve against the importing source's directory when sources were read from disk;
 * - output is cached on disk under `<repo>/.tmp/solc-cache/<sha256>.json`, keyed by the sources,
 *   the compiler version and the settings, so repeated test runs skip the (slow) wasm compiler.
 *
 * Usage:
 *   const out = await compileFiles(['test/fixtures/contracts/address/Clean.sol']);
 *   const { abi, bytecode } = out.contract('CleanToken');
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';

const require = createRequire(import.meta.url);
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE_DIR = join(REPO_ROOT, '.tmp', 'solc-cache');

export interface CompiledContract {
  /** Fully qualified: `<source path>:<ContractName>`. */
  id: string;
  name: string;
  sourcePath: string;
  abi: Abi;
  /** Creation bytecode, 0x-prefixed. Empty (`0x`) for interfaces/abstract contracts. */
  bytecode: Hex;
  /** Runtime bytecode, 0x-prefixed. */
  deployedBytecode: Hex;
}

export interface CompileOptions {
  optimizer?: boolean;
  runs?: number;
  /** EVM version (default: the compiler's default). */
  evmVersion?: string;
  viaIR?: boolean;
}

export interface CompileOutput {
  compilerVersion: string;
  /** Every contract, keyed by `<source path>:<ContractName>`. */
  contracts: Record<string, CompiledContract>;
  /** Non-error diagnostics (warnings) as formatted text. */
  warnings: string[];
  fromCache: boolean;
  /** Look a contract up by plain name (must be unique) or by `<path>:<Name>`; throws if absent. */
  contract(name: string): CompiledContract;
}

interface SolcModule {
  version(): string;
  compile(
    input: string,
    callbacks?: { import: (path: string) => { contents: string } | { error: string } },
  ): string;
}

interface SolcJsonOutput {
  errors?: { severity: string; formattedMessage: string; message: string }[];
  contracts?: Record<
    string,
    Record<string, { abi: Abi; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>
  >;
}

let solcInstance: SolcModule | undefined;
function solc(): SolcModule {
  solcInstance ??= require('solc') as SolcModule;
  return solcInstance;
}

/** Version of a node_modules package, used in the cache key so upgrading OpenZeppelin invalidates it. */
function packageVersion(pkg: string): string {
  try {
    const json = JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as {
      version?: string;
    };
    return json.version ?? 'unknown';
  } catch {
    return 'missing';
  }
}

function resolveImport(path: string, diskRoot: string | undefined): { contents: string } | { error: string } {
  try {
    if (diskRoot && !path.startsWith('@')) {
      const onDisk = resolve(diskRoot, path);
      if (existsSync(onDisk)) return { contents: readFileSync(onDisk, 'utf8') };
    }
    return { contents: readFileSync(require.resolve(path), 'utf8') };
  } catch {
    return { error: `File not found: ${path}` };
  }
}

function makeOutput(
  compilerVersion: string,
  contracts: Record<string, CompiledContract>,
  warnings: string[],
  fromCache: boolean,
): CompileOutput {
  return {
    compilerVersion,
    contracts,
    warnings,
    fromCache,
    contract(name: string): CompiledContract {
      const direct = contracts[name];
      if (direct) return direct;
      const matches = Object.values(contracts).filter((c) => c.name === name);
      if (matches.length === 1 && matches[0]) return matches[0];
      if (matches.length > 1)
        throw new Error(`contract name ${name} is ambiguous: ${matches.map((m) => m.id)}`);
      throw new Error(`contract ${name} not in compile output (have: ${Object.keys(contracts).join(', ')})`);
    },
  };
}

/**
 * Compiles in-memory sources (`{ 'Token.sol': 'pragma solidity ...' }`).
 * `diskRoot` lets relative imports resolve from a directory.
 */
export function compileSources(
  sources: Record<string, string>,
  options: CompileOptions = {},
  diskRoot?: string,
): CompileOutput {
  const compiler = solc();
  const compilerVersion = compiler.version();
  const settings = {
    optimizer: { enabled: options.optimizer ?? true, runs: options.runs ?? 200 },
    ...(options.evmVersion ? { evmVersion: options.evmVersion } : {}),
    ...(options.viaIR ? { viaIR: true } : {}),
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  };
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        compilerVersion,
        settings,
        oz: packageVersion('@openzeppelin/contracts'),
        sources: Object.entries(sources).sort(([a], [b]) => a.localeCompare(b)),
      }),
    )
    .digest('hex');
  const cacheFile = join(CACHE_DIR, `${key}.json`);
  if (existsSync(cacheFile)) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
        contracts: Record<string, CompiledContract>;
        warnings: string[];
      };
      return makeOutput(compilerVersion, cached.contracts, cached.warnings, true);
    } catch {
      // corrupt cache entry: recompile below and overwrite it
    }
  }

  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([path, content]) => [path, { content }])),
    settings,
  };
  const raw = compiler.compile(JSON.stringify(input), { import: (p) => resolveImport(p, diskRoot) });
  const out = JSON.parse(raw) as SolcJsonOutput;
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`solc ${compilerVersion} failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  }
  const warnings = (out.errors ?? []).filter((e) => e.severity !== 'error').map((e) => e.formattedMessage);
  const contracts: Record<string, CompiledContract> = {};
  for (const [sourcePath, byName] of Object.entries(out.contracts ?? {})) {
    for (const [name, c] of Object.entries(byName)) {
      const id = `${sourcePath}:${name}`;
      contracts[id] = {
        id,
        name,
        sourcePath,
        abi: c.abi,
        bytecode: `0x${c.evm.bytecode.object}` as Hex,
        deployedBytecode: `0x${c.evm.deployedBytecode.object}` as Hex,
      };
    }
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  // Write-then-rename so parallel test files never read a half-written entry.
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ contracts, warnings }));
  renameSync(tmp, cacheFile);
  return makeOutput(compilerVersion, contracts, warnings, false);
}

/**
 * Compiles Solidity files from disk. Paths may be absolute or relative to the repo root;
 * sources are keyed by their repo-relative path.
 */
export function compileFiles(paths: string[], options: CompileOptions = {}): CompileOutput {
  const sources: Record<string, string> = {};
  for (const p of paths) {
    const abs = resolve(REPO_ROOT, p);
    sources[relative(REPO_ROOT, abs)] = readFileSync(abs, 'utf8');
  }
  return compileSources(sources, options, REPO_ROOT);
}
