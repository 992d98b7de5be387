import { defineDetector } from '../define-detector.js';
import { ancestor } from '../parse/syntax-node.js';
import { isExternalCall, targetFunctions } from './lib/query.js';

const LOOPS = new Set(['ForStatement', 'WhileStatement', 'DoWhileStatement']);

export default defineDetector({
  id: 'calls-in-loop',
  title: 'External call inside a loop',
  severity: 'medium',
  confidence: 'medium',
  category: 'denial_of_service',
  swc: 'SWC-113',
  description:
    'An external call or ether transfer runs inside a loop; one failing or gas-hungry recipient reverts the whole batch and blocks everyone else.',
  recommendation: 'Favor pull over push payments: record amounts and let each recipient withdraw separately.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const c of f.calls) {
        if (!isExternalCall(c) || c.kind === 'self-external') continue;
        if (c.name === 'staticcall') continue;
        const loop = ancestor(c.node, LOOPS);
        if (loop && f.body && loop.start >= f.body.start)
          ctx.report({ node: c.node, contract: f.contract, function: f });
      }
    }
  },
});
