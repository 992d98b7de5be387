import { defineDetector } from '../define-detector.js';
import { child, findAll, textOf } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'tautology-unsigned',
  title: 'Tautological comparison of unsigned value',
  severity: 'medium',
  confidence: 'high',
  category: 'arithmetic',
  description:
    'An unsigned integer is compared with `>= 0` (always true) or `< 0` (always false); the intended check never happens, typically an underflow guard.',
  recommendation:
    'Compare the operands before subtracting (require(a >= b)) instead of testing the result against zero.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const n of findAll(f.body!, 'InequalityExpression')) {
        const op = child(n, 'Operator')?.text;
        const l = child(n, 'LeftOperand');
        const r = child(n, 'RightOperand');
        const zeroRight = textOf(r) === '0' && (op === '>=' || op === '<');
        const zeroLeft = textOf(l) === '0' && (op === '<=' || op === '>');
        if (!zeroRight && !zeroLeft) continue;
        const other = zeroRight ? l : r;
        const ids = other
          ? findAll(other, 'Identifier')
              .map((i) => f.resolve(i))
              .filter((v) => v)
          : [];
        const unsigned = ids.length > 0 && ids.every((v) => /^uint/.test(v!.type.text));
        if (unsigned) ctx.report({ node: n, contract: f.contract, function: f });
      }
    }
  },
});
