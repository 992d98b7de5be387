import { defineDetector } from '../define-detector.js';
import { child, findAll, textOf } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'strict-balance-equality',
  title: 'Strict equality on a balance',
  severity: 'medium',
  confidence: 'high',
  category: 'denial_of_service',
  swc: 'SWC-132',
  description:
    'Logic requires a balance to equal an exact value. Anyone can send ether (selfdestruct, coinbase) or tokens to the contract and break the equality forever.',
  recommendation: 'Use >= / <= comparisons and internal accounting instead of the raw balance.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const eq of findAll(f.body!, 'EqualityExpression')) {
        const t = `${textOf(child(eq, 'LeftOperand'))} ${textOf(child(eq, 'RightOperand'))}`;
        if (/\.balance\b|balanceOf\(\s*address\(this\)\s*\)/.test(t))
          ctx.report({ node: eq, contract: f.contract, function: f });
      }
    }
  },
});
