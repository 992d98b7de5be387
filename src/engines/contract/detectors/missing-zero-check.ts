import { defineDetector } from '../define-detector.js';
import { textOf } from '../parse/syntax-node.js';
import { guardConditions, isAddressType, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'missing-zero-check',
  title: 'Missing zero-address check',
  severity: 'informational',
  confidence: 'medium',
  category: 'other',
  description:
    'An address parameter is stored in state without checking it against address(0); a mistaken call can brick ownership or send funds to nowhere.',
  recommendation: 'Add `require(addr != address(0))` (or a custom error) before storing addresses.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!f.body) continue;
      const conds = guardConditions(f.body).map(textOf).join(' ');
      for (const w of f.writes) {
        if (!isAddressType(w.variable)) continue;
        const assign = w.node.parent;
        if (assign?.kind !== 'AssignmentExpression') continue;
        const rhs = assign.children.find((x) => x.label === 'RightOperand');
        const v = rhs?.kind === 'Identifier' ? f.resolve(rhs) : undefined;
        if (v?.scope !== 'param' || !isAddressType(v)) continue;
        const checked = new RegExp(
          `\\b${v.name}\\s*!=\\s*address\\(0\\)|address\\(0\\)\\s*!=\\s*${v.name}\\b|\\b${v.name}\\s*==\\s*address\\(0\\)|address\\(0\\)\\s*==\\s*${v.name}\\b`,
        ).test(conds);
        if (!checked)
          ctx.report({
            node: assign,
            contract: f.contract,
            function: f,
            message: `${v.name} is not checked for address(0)`,
          });
      }
    }
  },
});
