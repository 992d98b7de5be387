import { defineDetector } from '../define-detector.js';
import { child, findAll } from '../parse/syntax-node.js';
import { isAccessControlled, isEntryPoint, isMutating, publicApi, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'unbounded-loop',
  title: 'Loop over a storage array anyone can grow',
  severity: 'medium',
  confidence: 'medium',
  category: 'denial_of_service',
  swc: 'SWC-128',
  description:
    'A state-changing function loops over a storage array that any caller can append to. Once the array is large enough, the loop exceeds the block gas limit and the function can never run again.',
  recommendation:
    'Bound the array length, paginate the loop, or let users pull their own entries instead of iterating over all of them.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isMutating(f) || !f.body) continue;
      for (const loop of findAll(f.body, new Set(['ForStatement', 'WhileStatement']))) {
        const cond = child(loop, 'Condition');
        if (!cond) continue;
        for (const m of findAll(cond, 'MemberAccessExpression')) {
          if (child(m, 'Member')?.text !== 'length') continue;
          const base = child(m, 'Operand');
          const v = base?.kind === 'Identifier' ? f.resolve(base) : undefined;
          if (v?.scope !== 'state' || v.type.kind !== 'array') continue;
          const growable = publicApi(f.contract).some(
            (g) =>
              isEntryPoint(g) &&
              !isAccessControlled(g) &&
              g.calls.some(
                (c) =>
                  c.name === 'push' &&
                  c.receiver &&
                  c.receiver.kind === 'Identifier' &&
                  g.resolve(c.receiver) === v,
              ),
          );
          if (growable)
            ctx.report({
              node: loop,
              contract: f.contract,
              function: f,
              message: `loop over ${v.name}, which any caller can grow`,
            });
        }
      }
    }
  },
});
