import { defineDetector } from '../define-detector.js';
import { ancestor } from '../parse/syntax-node.js';
import { globalUses, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'msg-value-in-loop',
  title: 'msg.value used inside a loop',
  severity: 'high',
  confidence: 'medium',
  category: 'other',
  description:
    'msg.value is read on every loop iteration, so the same payment is credited many times (batch deposits, multicall).',
  recommendation: 'Read msg.value once, track the remaining amount in a local variable and check the total.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const u of globalUses(f, 'msg', 'value')) {
        if (ancestor(u, new Set(['ForStatement', 'WhileStatement', 'DoWhileStatement'])))
          ctx.report({ node: u, contract: f.contract, function: f });
      }
    }
  },
});
