import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';
import { riskyArithmetic } from './lib/arithmetic.js';
import { isMutating, mayWrapArithmetic, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'unchecked-arithmetic',
  title: 'Arithmetic in an unchecked block',
  severity: 'medium',
  confidence: 'low',
  category: 'arithmetic',
  swc: 'SWC-101',
  description:
    'Inside `unchecked { }` arithmetic wraps silently. This operation works on caller-influenced values without a preceding bounds check.',
  recommendation:
    'Keep unchecked blocks for provably safe operations (loop counters, values bounded by a prior check) and document the invariant.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!f.body || !isMutating(f) || mayWrapArithmetic(f.contract)) continue;
      for (const block of findAll(f.body, 'UncheckedBlock')) {
        for (const n of riskyArithmetic(f, block)) ctx.report({ node: n, contract: f.contract, function: f });
      }
    }
  },
});
