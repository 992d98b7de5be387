import { defineDetector } from '../define-detector.js';
import { baseIdentifier } from '../ir/build.js';
import { ancestor, child, textOf } from '../parse/syntax-node.js';
import { isAccessControlled, isEntryPoint, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'dos-failed-call',
  title: 'Denial of service by a failing recipient',
  severity: 'medium',
  confidence: 'medium',
  category: 'denial_of_service',
  swc: 'SWC-113',
  description:
    'A public function must successfully pay a stored address (e.g. the previous highest bidder) to proceed. A recipient contract that reverts on receipt blocks the function forever.',
  recommendation:
    'Do not make progress depend on pushing ether to third parties; record refunds and let recipients withdraw them.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isEntryPoint(f) || isAccessControlled(f)) continue;
      for (const c of f.calls) {
        const payment = c.kind === 'eth-transfer' || (c.kind === 'low-level' && c.name === 'call' && c.value);
        if (!payment || !c.receiver) continue;
        const b = baseIdentifier(c.receiver);
        const v = b ? f.resolve(b) : undefined;
        if (v?.scope !== 'state') continue;
        const reverting =
          c.name === 'transfer' ||
          /^(require|assert)$/.test(
            child(ancestor(c.node, 'FunctionCallExpression') ?? c.node, 'Operand')?.text ?? '',
          ) ||
          /require\(\s*(ok|success|sent)/.test(textOf(f.body));
        if (reverting)
          ctx.report({
            node: c.node,
            contract: f.contract,
            function: f,
            message: `progress depends on paying ${v.name}`,
          });
      }
    }
  },
});
