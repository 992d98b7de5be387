/** Shared set-up of the token engine tests: config, store and engine over the local DEX test bed. */
import pino from 'pino';
import { parseConfig, type VigilConfig } from '../../../src/core/config.js';
import { openDb } from '../../../src/core/db/open.js';
import type { Db } from '../../../src/core/db/types.js';
import type { EngineContext } from '../../../src/core/engine.js';
import type { Job } from '../../../src/core/jobs/types.js';
import { ALL_MIGRATIONS } from '../../../src/engines/migrations.js';
import { createTokenEngine } from '../../../src/engines/token/index.js';
import type { AnvilInstance } from '../../helpers/anvil.js';
import type { TestBed } from './testbed.js';

export function tokenConfig(
  chain: AnvilInstance,
  bed: TestBed,
  extra: Record<string, unknown> = {},
): VigilConfig {
  return parseConfig({
    chains: [
      { id: chain.chainId, name: 'anvil', network: 'anvil', rpcUrls: [chain.rpcUrl], nativeSymbol: 'ETH' },
    ],
    token: {
      builtinDeployments: false,
      dexes: [
        { chainId: chain.chainId, title: 'Uniswap v2', kind: 'v2', factory: bed.factory, router: bed.router },
      ],
      quoteTokens: [
        { chainId: chain.chainId, address: bed.weth, symbol: 'WETH', wrappedNative: true },
        { chainId: chain.chainId, address: bed.usd, symbol: 'TUSD', usdPrice: 1 },
      ],
      lockers: [{ chainId: chain.chainId, address: bed.locker, name: 'Test locker' }],
      ...extra,
    },
  });
}

export async function memoryDb(): Promise<Db> {
  return openDb('sqlite::memory:', '.', ALL_MIGRATIONS);
}

export const silent = pino({ level: 'silent' });

export function engineFor(config: VigilConfig, db: Db) {
  return createTokenEngine({ config, db, logger: silent, now: Date.now });
}

export function runContext(progress: { percent: number; step?: string }[] = []): EngineContext {
  return {
    job: { id: 'test' } as Job,
    signal: new AbortController().signal,
    progress: (percent, step) => progress.push({ percent, ...(step ? { step } : {}) }),
    log: silent,
  };
}
