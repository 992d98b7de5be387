import { defineDetector } from '../define-detector.js';
import { targetFunctions } from './lib/query.js';
import { ecrecoverCalls, reachableText } from './lib/signatures.js';

export default defineDetector({
  id: 'ecrecover-zero-address',
  title: 'ecrecover result not checked against zero',
  severity: 'medium',
  confidence: 'medium',
  category: 'access_control',
  swc: 'SWC-117',
  description:
    'ecrecover returns address(0) for invalid signatures. Comparing its result to an unset signer (address(0)) accepts garbage signatures.',
  recommendation:
    'Reject address(0) results, or use OpenZeppelin ECDSA.recover which reverts on invalid signatures.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      const calls = ecrecoverCalls(f);
      if (calls.length === 0) continue;
      if (/address\(0\)|address\(0x0\)|!=\s*0\b|==\s*0\b/.test(reachableText(f))) continue;
      ctx.report({ node: calls[0]!.node, contract: f.contract, function: f });
    }
  },
});
