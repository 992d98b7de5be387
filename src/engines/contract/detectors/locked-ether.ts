import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';
import { publicApi, targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'locked-ether',
  title: 'Contract locks ether',
  severity: 'medium',
  confidence: 'high',
  category: 'denial_of_service',
  description:
    'The contract can receive ether (payable functions) but has no way to send it out: no transfer, send, value call or selfdestruct anywhere in its code or bases.',
  recommendation:
    'Add a (protected) withdrawal function, or remove payable if the contract should not hold ether.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract'])) {
      const payable = publicApi(c).filter((f) => f.mutability === 'payable');
      if (payable.length === 0) continue;
      const all = c.linearization.flatMap((k) => [...k.functions, ...k.modifiers]);
      const sends = all.some(
        (f) =>
          f.calls.some(
            (x) =>
              x.kind === 'eth-transfer' ||
              (x.kind === 'low-level' &&
                (x.name === 'delegatecall' || x.name === 'callcode' || x.value || x.name === 'call')) ||
              (x.kind === 'builtin' && (x.name === 'selfdestruct' || x.name === 'suicide')) ||
              x.kind === 'library' ||
              (x.kind === 'high-level' && x.value),
          ) ||
          (f.body && findAll(f.body, 'AssemblyStatement').length > 0),
      );
      if (!sends)
        ctx.report({
          node: payable[0]!.node,
          contract: c,
          function: payable[0],
          message: `${c.name} receives ether but can never send it`,
        });
    }
  },
});
