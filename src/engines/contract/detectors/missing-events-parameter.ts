import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';
import { isEntryPoint, reachableFunctions, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'missing-events-parameter',
  title: 'Missing event on parameter change',
  severity: 'informational',
  confidence: 'medium',
  category: 'other',
  description:
    'A setter changes a numeric protocol parameter (fee, rate, limit...) from a caller-supplied value without emitting an event.',
  recommendation: 'Emit an event with the old and new value whenever a protocol parameter changes.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isEntryPoint(f) || !/^set|^update|^change/i.test(f.name)) continue;
      const w = f.writes.find((x) => {
        const a = x.node.parent;
        if (
          a?.kind !== 'AssignmentExpression' ||
          x.variable.type.kind !== 'elementary' ||
          !/int/.test(x.variable.type.text)
        )
          return false;
        const rhs = a.children.find((k) => k.label === 'RightOperand');
        return rhs?.kind === 'Identifier' && f.resolve(rhs)?.scope === 'param';
      });
      if (!w) continue;
      const emits = reachableFunctions(f).some((g) => g.body && findAll(g.body, 'EmitStatement').length > 0);
      if (!emits) ctx.report({ node: w.node.parent!, contract: f.contract, function: f });
    }
  },
});
