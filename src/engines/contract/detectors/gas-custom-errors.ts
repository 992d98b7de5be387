import { defineDetector } from '../define-detector.js';
import { child, findAll } from '../parse/syntax-node.js';
import { isBelow } from '../parse/version.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'gas-custom-errors',
  title: 'Revert string instead of custom error',
  severity: 'gas',
  confidence: 'high',
  category: 'gas',
  description:
    'require/revert with a string stores the message in bytecode and ABI-encodes it on failure; custom errors (≥0.8.4) are cheaper to deploy and to revert with.',
  recommendation: 'Declare `error Name(args)` and use `if (!cond) revert Name(args);`.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      const c = f.contract;
      if (isBelow(c.file.compiler.min ?? c.file.languageVersion, '0.8.4')) continue;
      for (const call of f.calls) {
        if (call.kind !== 'builtin' || (call.name !== 'require' && call.name !== 'revert')) continue;
        if (
          call.args.some(
            (a) =>
              a.kind === 'StringExpression' ||
              a.kind === 'StringLiterals' ||
              findAll(a, 'StringLiteral').length > 0 ||
              child(a, 'Items') !== undefined,
          )
        ) {
          ctx.report({ node: call.node, contract: c, function: f });
        }
      }
    }
  },
});
