import { defineDetector } from '../define-detector.js';
import { isEntryPoint, targetContracts } from './lib/query.js';
import { ecrecoverCalls, reachableText } from './lib/signatures.js';

export default defineDetector({
  id: 'signature-replay',
  title: 'Signature replay',
  severity: 'high',
  confidence: 'medium',
  category: 'access_control',
  swc: 'SWC-121',
  description:
    'A signed message is verified with ecrecover but the signed digest has no nonce (or used-signature tracking) and no chain id / contract address, so the same signature can be replayed, on this chain or another.',
  recommendation:
    'Use EIP-712 typed data including a per-signer nonce, block.chainid and address(this), and mark digests as used.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project)) {
      for (const f of c.functions) {
        if (!isEntryPoint(f)) continue;
        const calls = ecrecoverCalls(f);
        if (calls.length === 0) continue;
        const text = reachableText(f) + c.stateVars.map((v) => v.name).join(' ');
        const hasNonce = /nonce|used|executed|claimed|processed|invalidated/i.test(text);
        const hasDomain = /chainid|chainId|DOMAIN_SEPARATOR|address\(this\)|_hashTypedData/.test(
          reachableText(f),
        );
        if (!hasNonce || !hasDomain) {
          ctx.report({
            node: calls[0]!.node,
            contract: c,
            function: f,
            message: hasNonce
              ? 'digest lacks chain id / contract address'
              : 'no nonce or used-signature tracking',
          });
        }
      }
    }
  },
});
