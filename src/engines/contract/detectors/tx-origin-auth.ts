import { defineDetector } from '../define-detector.js';
import { textOf } from '../parse/syntax-node.js';
import { guardConditions, targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'tx-origin-auth',
  title: 'Authorization through tx.origin',
  severity: 'high',
  confidence: 'high',
  category: 'access_control',
  swc: 'SWC-115',
  description:
    '`tx.origin` is used in an authorization check. A contract the owner interacts with can call this one and pass the check, because tx.origin is still the owner (phishing).',
  recommendation:
    'Use msg.sender for authorization. `tx.origin == msg.sender` (EOA check) is the only acceptable comparison.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project)) {
      for (const f of [...c.functions, ...c.modifiers]) {
        if (!f.body) continue;
        for (const cond of guardConditions(f.body)) {
          const t = textOf(cond);
          if (!t.includes('tx.origin')) continue;
          // `tx.origin == msg.sender` only asserts an EOA caller.
          if (/tx\.origin\s*[!=]=\s*msg\.sender|msg\.sender\s*[!=]=\s*tx\.origin/.test(t)) continue;
          ctx.report({ node: cond, contract: c, function: f });
        }
      }
    }
  },
});
