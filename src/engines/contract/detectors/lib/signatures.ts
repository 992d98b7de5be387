import type { CallSite, FunctionIR } from '../../ir/types.js';
import { reachableFunctions } from './query.js';

export function ecrecoverCalls(f: FunctionIR): CallSite[] {
  return f.calls.filter((c) => c.kind === 'builtin' && c.name === 'ecrecover');
}

/** Source text of the function and what it calls internally (for digest/nonce heuristics). */
export function reachableText(f: FunctionIR): string {
  return reachableFunctions(f, 3)
    .map((g) => g.contract.file.source.slice(g.node.start, g.node.end))
    .join('\n');
}
