/**
 * Compiles TokenSimulator.sol with the `solc` npm package and writes token-simulator.artifact.json,
 * the runtime code the engine injects with a state override. Run after editing the Solidity:
 *
 *   npx tsx src/engines/token/simulation/build-artifact.ts
 *
 * test/engines/token/simulation-artifact.test.ts recompiles and fails when the shipped artifact
 * no longer matches the source, so the two cannot drift apart.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIMULATOR_DIR = dirname(fileURLToPath(import.meta.url));
export const SIMULATOR_SOURCE = join(SIMULATOR_DIR, 'TokenSimulator.sol');
export const SIMULATOR_ARTIFACT = join(SIMULATOR_DIR, 'token-simulator.artifact.json');

/** Fixed so the artifact is reproducible: same source + same compiler → same bytes. */
export const SIMULATOR_SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'paris',
  outputSelection: { '*': { TokenSimulator: ['abi', 'evm.deployedBytecode.object'] } },
} as const;

export interface SimulatorArtifact {
  contractName: 'TokenSimulator';
  compiler: string;
  settings: typeof SIMULATOR_SETTINGS;
  sourceSha256: string;
  abi: unknown[];
  deployedBytecode: `0x${string}`;
}

interface SolcModule {
  version(): string;
  compile(input: string): string;
}

export function compileSimulator(): SimulatorArtifact {
  const require = createRequire(import.meta.url);
  const solc = require('solc') as SolcModule;
  const source = readFileSync(SIMULATOR_SOURCE, 'utf8');
  const input = {
    language: 'Solidity',
    sources: { 'TokenSimulator.sol': { content: source } },
    settings: SIMULATOR_SETTINGS,
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<
      string,
      Record<string, { abi: unknown[]; evm: { deployedBytecode: { object: string } } }>
    >;
  };
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const compiled = out.contracts['TokenSimulator.sol']?.TokenSimulator;
  if (!compiled) throw new Error('TokenSimulator missing from solc output');
  return {
    contractName: 'TokenSimulator',
    compiler: solc.version(),
    settings: SIMULATOR_SETTINGS,
    sourceSha256: createHash('sha256').update(source).digest('hex'),
    abi: compiled.abi,
    deployedBytecode: `0x${compiled.evm.deployedBytecode.object}`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const artifact = compileSimulator();
  writeFileSync(SIMULATOR_ARTIFACT, `${JSON.stringify(artifact, null, 2)}\n`);
  console.log(
    `wrote ${SIMULATOR_ARTIFACT} (${(artifact.deployedBytecode.length - 2) / 2} bytes, solc ${artifact.compiler})`,
  );
}
