import { defineDetector } from '../define-detector.js';
import { child, findAll } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'deprecated-var',
  title: 'Deprecated var declaration',
  severity: 'low',
  confidence: 'high',
  category: 'arithmetic',
  swc: 'SWC-111',
  description:
    '`var` infers the smallest type fitting the initializer: `for (var i = 0; i < n; i++)` makes i a uint8 that wraps at 255, an infinite loop or overflow.',
  recommendation: 'Declare explicit types (uint256).',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const d of findAll(
        f.body!,
        new Set(['VariableDeclarationStatement', 'TupleDeconstructionStatement']),
      )) {
        if (child(d, 'VariableType')?.kind === 'VarKeyword' || child(d, 'VarKeyword'))
          ctx.report({ node: d, contract: f.contract, function: f });
      }
    }
  },
});
