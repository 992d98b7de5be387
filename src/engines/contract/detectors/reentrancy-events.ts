import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';
import { hasReentrancyGuard, isEntryPoint, targetFunctions } from './lib/query.js';
import { reentrantCalls } from './lib/reentrancy.js';

export default defineDetector({
  id: 'reentrancy-events',
  title: 'Event emitted after external call',
  severity: 'low',
  confidence: 'medium',
  category: 'reentrancy',
  description:
    'An event is emitted after an external call; a re-entrant callee can make events appear out of order, misleading off-chain indexers.',
  recommendation: 'Emit events before making external calls.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isEntryPoint(f) || hasReentrancyGuard(f) || !f.body) continue;
      const emits = findAll(f.body, 'EmitStatement');
      if (emits.length === 0) continue;
      for (const call of reentrantCalls(f)) {
        if (!call.statement) continue;
        const after = f.cfg.reachableAfter(call.statement);
        const e = emits.find((s) => after.has(s));
        if (e) ctx.report({ node: e, contract: f.contract, function: f });
      }
    }
  },
});
