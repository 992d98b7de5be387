import { defineDetector } from '../define-detector.js';
import { baseIdentifier } from '../ir/build.js';
import { textOf } from '../parse/syntax-node.js';
import { isAccessControlled, isEntryPoint, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'arbitrary-from-transfer-from',
  title: 'transferFrom with an arbitrary from',
  severity: 'high',
  confidence: 'medium',
  category: 'access_control',
  description:
    'An unprotected function calls token.transferFrom(from, ...) with `from` taken from a parameter, so anyone can move tokens of every user that approved this contract.',
  recommendation:
    'Use msg.sender as the `from` address, or verify the caller is authorized by `from` (signature/permit).',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isEntryPoint(f) || isAccessControlled(f)) continue;
      for (const c of f.calls) {
        if ((c.kind !== 'high-level' && c.kind !== 'library') || !/^(safeT|t)ransferFrom$/.test(c.name))
          continue;
        const from = c.args[0];
        if (!from || /msg\.sender|_msgSender|this/.test(textOf(from))) continue;
        const b = baseIdentifier(from);
        if (b && f.resolve(b)?.scope === 'param')
          ctx.report({ node: c.node, contract: f.contract, function: f });
      }
    }
  },
});
