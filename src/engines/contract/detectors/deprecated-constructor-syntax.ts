import { defineDetector } from '../define-detector.js';
import { targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'deprecated-constructor-syntax',
  title: 'Constructor declared as a function named like the contract',
  severity: 'informational',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-118',
  description:
    'Before 0.4.22 constructors were functions named like the contract; renaming the contract turns the constructor into a public function anyone can call.',
  recommendation: 'Use the `constructor` keyword.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project)) {
      for (const f of c.functions) {
        if (f.kind === 'constructor' && f.node.kind === 'FunctionDefinition')
          ctx.report({ node: f.node, contract: c, function: f });
      }
    }
  },
});
