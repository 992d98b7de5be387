import { defineDetector } from '../define-detector.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'deprecated-sha3',
  title: 'Deprecated sha3',
  severity: 'informational',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-111',
  description: '`sha3` is a deprecated alias of keccak256, removed in 0.5.0.',
  recommendation: 'Use keccak256.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const c of f.calls)
        if (c.kind === 'builtin' && c.name === 'sha3')
          ctx.report({ node: c.node, contract: f.contract, function: f });
    }
  },
});
