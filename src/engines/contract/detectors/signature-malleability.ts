import { defineDetector } from '../define-detector.js';
import { targetFunctions } from './lib/query.js';
import { ecrecoverCalls, reachableText } from './lib/signatures.js';

export default defineDetector({
  id: 'signature-malleability',
  title: 'Malleable signature accepted',
  severity: 'low',
  confidence: 'medium',
  category: 'other',
  swc: 'SWC-117',
  description:
    'ecrecover accepts both (r, s) and (r, n - s). Without restricting s to the lower half-order, a second valid signature can be derived, breaking "signature used" bookkeeping keyed by signature bytes.',
  recommendation:
    'Require s <= 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0 (OpenZeppelin ECDSA does this).',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      const calls = ecrecoverCalls(f);
      if (calls.length === 0) continue;
      if (/0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0/i.test(reachableText(f)))
        continue;
      ctx.report({ node: calls[0]!.node, contract: f.contract, function: f });
    }
  },
});
