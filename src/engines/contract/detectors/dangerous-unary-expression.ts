import { defineDetector } from '../define-detector.js';
import { child, findAll } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'dangerous-unary-expression',
  title: 'Suspicious =+ / =- assignment',
  severity: 'low',
  confidence: 'high',
  category: 'arithmetic',
  swc: 'SWC-129',
  description: '`x =+ 1` assigns +1 instead of adding (likewise `=-`); almost always a typo for += or -=.',
  recommendation: 'Use += / -= or put a space between the operator and the sign.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      const src = f.contract.file.source;
      for (const a of findAll(f.body!, 'AssignmentExpression')) {
        const op = child(a, 'Operator');
        const rhs = child(a, 'RightOperand');
        if (op?.text !== '=' || rhs?.kind !== 'PrefixExpression') continue;
        const sign = child(rhs, 'Operator')?.text;
        if ((sign === '+' || sign === '-') && op.end === rhs.start && src[op.end] === sign)
          ctx.report({ node: a, contract: f.contract, function: f });
      }
    }
  },
});
