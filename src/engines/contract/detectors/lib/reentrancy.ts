import type { CallSite, FunctionIR, StateAccess } from '../../ir/types.js';
import { reachableFunctions } from './query.js';

export interface ReentrancyCase {
  fn: FunctionIR;
  call: CallSite;
  sendsValue: boolean;
  /** State writes that may execute after the call returns. */
  writesAfter: StateAccess[];
}

/** External calls that can re-enter (2300-gas transfer/send excluded). */
export function reentrantCalls(f: FunctionIR): CallSite[] {
  return f.calls.filter((c) => {
    if (c.kind === 'low-level') return c.name !== 'staticcall';
    // Calls to view/pure functions compile to STATICCALL and cannot change state on re-entry.
    if (c.kind === 'high-level')
      return !(
        c.targets.length > 0 && c.targets.every((t) => t.mutability === 'view' || t.mutability === 'pure')
      );
    return false;
  });
}

/**
 * For each re-entrant call in `f`, the state writes reachable after it in the
 * CFG, including writes inside internal functions called afterwards.
 */
export function reentrancyCases(f: FunctionIR): ReentrancyCase[] {
  const out: ReentrancyCase[] = [];
  for (const call of reentrantCalls(f)) {
    if (!call.statement) continue;
    const after = f.cfg.reachableAfter(call.statement);
    const writesAfter = f.writes.filter(
      (w) => w.statement && (after.has(w.statement) || isLaterInSameStatement(w, call)),
    );
    for (const c of f.calls) {
      if ((c.kind === 'internal' || c.kind === 'library') && c.statement && after.has(c.statement)) {
        for (const g of c.targets.slice(0, 1).flatMap((t) => reachableFunctions(t, 3))) {
          writesAfter.push(...g.writes.map((w) => ({ ...w, node: c.node, statement: c.statement })));
        }
      }
    }
    const sendsValue = !!call.value && !/^0+$/.test(call.value.text ?? '');
    if (writesAfter.length > 0) out.push({ fn: f, call, sendsValue, writesAfter });
  }
  return out;
}

function isLaterInSameStatement(w: StateAccess, call: CallSite): boolean {
  return (
    w.statement === call.statement &&
    w.node.start > call.node.end &&
    call.statement?.kind !== 'ExpressionStatement'
  );
}
