import { defineDetector } from '../define-detector.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'deprecated-callcode',
  title: 'Deprecated callcode',
  severity: 'low',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-111',
  description:
    '`callcode` does not preserve msg.sender/msg.value and was removed in 0.5.0; its semantics are a common source of bugs.',
  recommendation: 'Use delegatecall (and only with trusted targets).',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const c of f.calls)
        if (c.kind === 'low-level' && c.name === 'callcode')
          ctx.report({ node: c.node, contract: f.contract, function: f });
    }
  },
});
