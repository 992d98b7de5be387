import { defineDetector } from '../define-detector.js';
import { isAccessControlled, isEntryPoint, publicApi, targetContracts } from './lib/query.js';

const OWNER_RE =
  /^_?(owner|admin|governance|governor|controller|operator|authority|guardian|pendingOwner|manager|creator|beneficiary)s?$/i;

export default defineDetector({
  id: 'unprotected-owner-change',
  title: 'Unprotected ownership change',
  severity: 'critical',
  confidence: 'high',
  category: 'access_control',
  swc: 'SWC-105',
  description:
    'A public function writes the owner/admin variable without any access check, so anyone can take over the contract.',
  recommendation:
    'Protect the function with onlyOwner (or an equivalent role check); prefer a two-step ownership transfer.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      for (const f of publicApi(c)) {
        if (!isEntryPoint(f) || f.contract !== c || isAccessControlled(f)) continue;
        const w = f.writes.find(
          (x) => OWNER_RE.test(x.variable.name) && x.variable.type.text.startsWith('address'),
        );
        if (w)
          ctx.report({
            node: w.node.parent ?? w.node,
            contract: c,
            function: f,
            message: `anyone can set ${w.variable.name}`,
          });
      }
    }
  },
});
