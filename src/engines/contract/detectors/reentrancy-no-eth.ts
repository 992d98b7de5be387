import { defineDetector } from '../define-detector.js';
import { hasReentrancyGuard, isEntryPoint, targetFunctions } from './lib/query.js';
import { reentrancyCases } from './lib/reentrancy.js';

export default defineDetector({
  id: 'reentrancy-no-eth',
  title: 'Reentrancy without ether transfer',
  severity: 'medium',
  confidence: 'medium',
  category: 'reentrancy',
  swc: 'SWC-107',
  description:
    'State is written after an external call that sends no ether; a malicious callee (token hook, callback) can re-enter before the update.',
  recommendation: 'Move state updates before external calls or add a reentrancy guard.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isEntryPoint(f) || hasReentrancyGuard(f)) continue;
      for (const c of reentrancyCases(f)) {
        if (c.sendsValue) continue;
        const vars = [...new Set(c.writesAfter.map((w) => w.variable.name))].join(', ');
        ctx.report({
          node: c.call.node,
          contract: f.contract,
          function: f,
          message: `external call before updating ${vars}`,
        });
      }
    }
  },
});
