import { defineDetector } from '../define-detector.js';
import { child, findAll } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'boolean-equality',
  title: 'Comparison with a boolean constant',
  severity: 'informational',
  confidence: 'high',
  category: 'other',
  description: 'An expression is compared with `true` or `false`, which is redundant and easy to get wrong.',
  recommendation: 'Use the boolean directly (`if (x)` / `if (!x)`).',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const e of findAll(f.body!, 'EqualityExpression')) {
        const l = child(e, 'LeftOperand')?.kind;
        const r = child(e, 'RightOperand')?.kind;
        if (l === 'TrueKeyword' || l === 'FalseKeyword' || r === 'TrueKeyword' || r === 'FalseKeyword')
          ctx.report({ node: e, contract: f.contract, function: f });
      }
    }
  },
});
