import { defineDetector } from '../define-detector.js';
import { child, findAll } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'gas-prefix-increment',
  title: 'Postfix increment in loop',
  severity: 'gas',
  confidence: 'high',
  category: 'gas',
  description: '`i++` keeps a copy of the old value; `++i` is cheaper when the result is unused.',
  recommendation: 'Use ++i (or an unchecked increment) as the loop iterator.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const loop of findAll(f.body!, 'ForStatement')) {
        const it = child(loop, 'Iterator');
        if (it?.kind === 'PostfixExpression') ctx.report({ node: it, contract: f.contract, function: f });
      }
    }
  },
});
