import { defineDetector } from '../define-detector.js';
import { targetFunctions } from './lib/query.js';
import { successIsChecked } from './unchecked-low-level-call.js';

export default defineDetector({
  id: 'unchecked-send',
  title: 'Unchecked send',
  severity: 'medium',
  confidence: 'high',
  category: 'unchecked_low_level_calls',
  swc: 'SWC-104',
  description:
    'The boolean returned by `send` is ignored; a failed payment goes unnoticed and the contract records it as done.',
  recommendation: 'Check the result of send, or use `transfer`/`call` with an explicit success check.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const c of f.calls) {
        if (c.kind === 'eth-transfer' && c.name === 'send' && !successIsChecked(f, c.node)) {
          ctx.report({ node: c.node, contract: f.contract, function: f });
        }
      }
    }
  },
});
