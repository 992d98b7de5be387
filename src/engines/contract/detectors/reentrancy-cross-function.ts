import { defineDetector } from '../define-detector.js';
import { hasReentrancyGuard, isMutating, publicApi, targetFunctions } from './lib/query.js';
import { reentrancyCases } from './lib/reentrancy.js';

export default defineDetector({
  id: 'reentrancy-cross-function',
  title: 'Cross-function reentrancy',
  severity: 'high',
  confidence: 'medium',
  category: 'reentrancy',
  swc: 'SWC-107',
  description:
    'State updated only after an external call is used by another public function that has no reentrancy guard; the callee can re-enter through that other function (even when the calling function itself is guarded).',
  recommendation:
    'Finish all state updates before the external call, and guard every function that touches the shared state with the same lock.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (f.visibility !== 'public' && f.visibility !== 'external') continue;
      for (const c of reentrancyCases(f)) {
        const vars = new Set(c.writesAfter.map((w) => w.variable));
        const other = publicApi(f.contract).find(
          (g) =>
            g !== f &&
            isMutating(g) &&
            !hasReentrancyGuard(g) &&
            [...g.reads, ...g.writes].some((a) => vars.has(a.variable)),
        );
        if (!other) continue;
        ctx.report({
          node: c.call.node,
          contract: f.contract,
          function: f,
          message: `${other.name}() can be re-entered while ${[...vars].map((v) => v.name).join(', ')} is stale`,
        });
      }
    }
  },
});
