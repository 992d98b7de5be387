import { defineDetector } from '../define-detector.js';
import { baseIdentifier } from '../ir/build.js';
import { child } from '../parse/syntax-node.js';
import { isAccessControlled, isEntryPoint, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'controlled-delegatecall',
  title: 'Delegatecall to a user-controlled target',
  severity: 'high',
  confidence: 'medium',
  category: 'access_control',
  swc: 'SWC-112',
  description:
    "delegatecall runs foreign code in this contract's storage context. Here the target (or the calldata) comes from a caller-supplied parameter, so anyone can run arbitrary code as this contract and take it over.",
  recommendation:
    'Only delegatecall to trusted, fixed implementation addresses, and restrict who can change them.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isEntryPoint(f) || isAccessControlled(f)) continue;
      for (const c of f.calls) {
        if (c.kind !== 'low-level' || (c.name !== 'delegatecall' && c.name !== 'callcode')) continue;
        const target = baseIdentifier(c.receiver);
        const v = target ? f.resolve(target) : undefined;
        const dataParam = c.args.some((a) => {
          const b = baseIdentifier(a);
          return b ? f.resolve(b)?.scope === 'param' : false;
        });
        const fromMsgData = c.args.some(
          (a) => child(a, 'Operand')?.text === 'msg' && child(a, 'Member')?.text === 'data',
        );
        if (
          v?.scope === 'param' ||
          (dataParam && f.kind !== 'fallback' && !fromMsgData && v?.scope !== 'state')
        ) {
          ctx.report({ node: c.node, contract: f.contract, function: f });
        }
      }
    }
  },
});
