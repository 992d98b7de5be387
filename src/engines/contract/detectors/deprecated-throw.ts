import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'deprecated-throw',
  title: 'Deprecated throw',
  severity: 'informational',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-111',
  description:
    '`throw` was deprecated in 0.4.13 and removed in 0.5.0; it consumes all remaining gas and gives no reason.',
  recommendation: 'Use require(condition, "reason") or revert with a custom error.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const t of findAll(f.body!, 'ThrowStatement'))
        ctx.report({ node: t, contract: f.contract, function: f });
    }
  },
});
