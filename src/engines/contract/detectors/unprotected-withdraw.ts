import { defineDetector } from '../define-detector.js';
import { isAccessControlled, isEntryPoint, publicApi, targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'unprotected-withdraw',
  title: 'Unprotected withdrawal of contract funds',
  severity: 'critical',
  confidence: 'medium',
  category: 'access_control',
  swc: 'SWC-105',
  description:
    'A public withdraw/sweep-like function moves ether or tokens out of the contract without an access check and without per-caller accounting, so anyone can drain it.',
  recommendation: 'Restrict the function to the owner, or pay only amounts recorded for msg.sender.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      for (const f of publicApi(c)) {
        if (
          !isEntryPoint(f) ||
          f.contract !== c ||
          !/withdraw|sweep|drain|rescue|emergency|collect|claimAll/i.test(f.name)
        )
          continue;
        if (isAccessControlled(f)) continue;
        const bookkept = f.reads.some((r) => r.variable.type.kind === 'mapping');
        if (bookkept) continue;
        const out = f.calls.find(
          (x) =>
            x.kind === 'eth-transfer' ||
            (x.kind === 'low-level' && x.value) ||
            (x.kind === 'high-level' && (x.name === 'transfer' || x.name === 'safeTransfer')),
        );
        if (out) ctx.report({ node: out.node, contract: c, function: f });
      }
    }
  },
});
