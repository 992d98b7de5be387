import { createRequire } from 'node:module';
import type { Abi, Hex } from 'viem';

/** The shipped, pre-compiled simulator (see build-artifact.ts); read once, never compiled at run time. */
export interface ShippedSimulator {
  compiler: string;
  sourceSha256: string;
  abi: Abi;
  deployedBytecode: Hex;
}

let loaded: ShippedSimulator | undefined;

export function simulatorArtifact(): ShippedSimulator {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    loaded = require('./token-simulator.artifact.json') as ShippedSimulator;
  }
  return loaded;
}
