import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'uninitialized-local',
  title: 'Local variable used before assignment',
  severity: 'medium',
  confidence: 'medium',
  category: 'other',
  description:
    'A local variable is declared without a value and read without ever being assigned, so it is always zero; usually a forgotten assignment.',
  recommendation: 'Initialize the variable explicitly, or remove it.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      const ids = findAll(f.body!, 'Identifier');
      for (const v of f.locals) {
        if (v.node.kind !== 'VariableDeclarationStatement' || v.initializer || v.type.kind === 'mapping')
          continue;
        if (v.location === 'storage') continue;
        const uses = ids.filter((i) => f.resolve(i) === v);
        if (uses.length === 0) continue;
        const assigned = uses.some((u) => {
          const p = u.parent;
          return (
            (p?.kind === 'AssignmentExpression' && p.children[0] === u) ||
            p?.kind === 'TupleValue' ||
            p?.kind === 'PrefixExpression' ||
            p?.kind === 'PostfixExpression' ||
            p?.kind === 'IndexAccessExpression' ||
            p?.kind === 'MemberAccessExpression' ||
            p?.kind === 'YulPath'
          );
        });
        const yul = findAll(f.body!, 'AssemblyStatement').length > 0;
        if (!assigned && !yul)
          ctx.report({
            node: v.node,
            contract: f.contract,
            function: f,
            message: `${v.name} is never assigned`,
          });
      }
    }
  },
});
