import { defineDetector } from '../define-detector.js';
import { hasReentrancyGuard, isEntryPoint, targetFunctions } from './lib/query.js';
import { reentrancyCases } from './lib/reentrancy.js';

export default defineDetector({
  id: 'reentrancy-eth',
  title: 'Reentrancy with ether transfer',
  severity: 'high',
  confidence: 'medium',
  category: 'reentrancy',
  swc: 'SWC-107',
  description:
    'An external call that forwards ether and all remaining gas happens before state is updated, so the callee can re-enter and act on stale state (the DAO pattern).',
  recommendation:
    'Apply checks-effects-interactions: update balances and flags before the call, or guard the function with a reentrancy lock (nonReentrant).',
  references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#reentrancy-vulnerabilities'],
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isEntryPoint(f) || hasReentrancyGuard(f)) continue;
      for (const c of reentrancyCases(f)) {
        if (!c.sendsValue) continue;
        const vars = [...new Set(c.writesAfter.map((w) => w.variable.name))].join(', ');
        ctx.report({
          node: c.call.node,
          contract: f.contract,
          function: f,
          message: `ether sent before updating ${vars}`,
        });
      }
    }
  },
});
