import type { Engine, EngineFactoryContext } from '../core/engine.js';
import { createAddressEngine } from './address/engine.js';
import { createContractEngine } from './contract/engine.js';
import { createExplorerSourceHook } from './contract/sources/index.js';
import { createHostEngine } from './host/index.js';
import { createTokenEngine } from './token/index.js';
import { createUrlEngine } from './url/index.js';

export type { EngineFactoryContext } from '../core/engine.js';

/**
 * The product engines. Each entry is one line; an engine's own folder holds
 * everything else (analysis, data files, renderers).
 */
export function createProductEngines(ctx: EngineFactoryContext): Engine[] {
  const engines: Engine[] = [];
  engines.push(createContractEngine(ctx, { sourceResolver: createExplorerSourceHook(ctx) }));
  engines.push(createAddressEngine(ctx));
  engines.push(createTokenEngine(ctx));
  engines.push(createHostEngine(ctx));
  engines.push(createUrlEngine(ctx));
  return engines;
}
