import { defineDetector } from '../define-detector.js';
import { baseIdentifier } from '../ir/build.js';
import { textOf } from '../parse/syntax-node.js';
import { isAccessControlled, isEntryPoint, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'arbitrary-send-eth',
  title: 'Ether sent to an arbitrary address',
  severity: 'high',
  confidence: 'medium',
  category: 'access_control',
  swc: 'SWC-105',
  description:
    'An unprotected function sends ether to an address supplied by the caller, so anyone can drain the contract.',
  recommendation:
    'Restrict the function to authorized callers, or send only to msg.sender amounts backed by its recorded balance.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isEntryPoint(f) || isAccessControlled(f)) continue;
      for (const c of f.calls) {
        const sends =
          c.kind === 'eth-transfer' ||
          (c.kind === 'low-level' && c.name === 'call' && c.value && textOf(c.value) !== '0');
        if (!sends || !c.receiver) continue;
        const b = baseIdentifier(c.receiver);
        const v = b ? f.resolve(b) : undefined;
        if (v?.scope !== 'param') continue;
        // Paying out a recorded per-caller balance to a chosen address is a normal withdrawal.
        const bookkept = f.reads.some(
          (r) => r.variable.type.kind === 'mapping' && /msg\.sender/.test(textOf(r.node.parent)),
        );
        if (!bookkept)
          ctx.report({
            node: c.node,
            contract: f.contract,
            function: f,
            message: `ether sent to caller-chosen ${v.name}`,
          });
      }
    }
  },
});
