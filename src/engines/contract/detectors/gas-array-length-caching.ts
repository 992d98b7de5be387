import { defineDetector } from '../define-detector.js';
import { child, findAll } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'gas-array-length-caching',
  title: 'Storage array length read on every iteration',
  severity: 'gas',
  confidence: 'high',
  category: 'gas',
  description: 'The loop condition reads `.length` of a storage array each iteration (an SLOAD every time).',
  recommendation: 'Cache the length in a local variable before the loop.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const loop of findAll(f.body!, 'ForStatement')) {
        const cond = child(loop, 'Condition');
        if (!cond) continue;
        const hit = findAll(cond, 'MemberAccessExpression').find((m) => {
          const base = child(m, 'Operand');
          return (
            child(m, 'Member')?.text === 'length' &&
            base?.kind === 'Identifier' &&
            f.resolve(base)?.scope === 'state'
          );
        });
        if (hit) ctx.report({ node: cond, contract: f.contract, function: f });
      }
    }
  },
});
