import { defineDetector } from '../define-detector.js';
import { child, items } from '../parse/syntax-node.js';
import { targetContracts } from './lib/query.js';

const VIS = new Set(['PublicKeyword', 'InternalKeyword', 'PrivateKeyword']);

export default defineDetector({
  id: 'default-visibility-state',
  title: 'State variable without explicit visibility',
  severity: 'informational',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-108',
  description:
    'A state variable relies on the default (internal) visibility, which makes the intended access unclear to readers and reviewers.',
  recommendation: 'Declare visibility explicitly on every state variable.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project)) {
      for (const v of c.stateVars) {
        if (v.constant || v.immutable) continue;
        if (items(child(v.node, 'Attributes')).some((a) => VIS.has(a.kind))) continue;
        ctx.report({ node: v.node, contract: c });
      }
    }
  },
});
