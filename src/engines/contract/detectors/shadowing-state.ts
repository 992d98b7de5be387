import { defineDetector } from '../define-detector.js';
import { targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'shadowing-state',
  title: 'State variable shadows a base contract variable',
  severity: 'high',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-119',
  description:
    'A state variable redeclares one inherited from a base contract. Base functions keep using their own copy, so writes through one are invisible to the other (e.g. a separate owner).',
  recommendation: 'Remove the redeclaration and use the inherited variable (set it in the constructor).',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      for (const v of c.stateVars) {
        const base = c.linearization
          .slice(1)
          .find((b) => b.stateVars.some((s) => s.name === v.name && s.visibility !== 'private'));
        if (base)
          ctx.report({ node: v.node, contract: c, message: `${v.name} shadows ${base.name}.${v.name}` });
      }
    }
  },
});
