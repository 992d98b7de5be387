import { defineDetector } from '../define-detector.js';
import { child, findAll, type SyntaxNode } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

function strip(n: SyntaxNode | undefined): SyntaxNode | undefined {
  while (n?.kind === 'TupleExpression') {
    const vals = findAll(n, 'TupleValue');
    if (vals.length !== 1) return n;
    n = child(vals[0], 'Expression');
  }
  return n;
}

export default defineDetector({
  id: 'divide-before-multiply',
  title: 'Division before multiplication',
  severity: 'medium',
  confidence: 'medium',
  category: 'arithmetic',
  description:
    'Integer division truncates; multiplying its result loses precision (e.g. fees or shares computed as a / b * c round to zero).',
  recommendation: 'Multiply before dividing (a * c / b), or use a mulDiv helper with full precision.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const m of findAll(f.body!, 'MultiplicativeExpression')) {
        if (child(m, 'Operator')?.text !== '*') continue;
        for (const side of [child(m, 'LeftOperand'), child(m, 'RightOperand')]) {
          const s = strip(side);
          if (s?.kind === 'MultiplicativeExpression' && child(s, 'Operator')?.text === '/') {
            ctx.report({ node: m, contract: f.contract, function: f });
            break;
          }
        }
      }
    }
  },
});
