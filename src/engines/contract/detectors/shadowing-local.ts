import { defineDetector } from '../define-detector.js';
import { targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'shadowing-local',
  title: 'Local variable shadows a state variable',
  severity: 'low',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-119',
  description:
    'A parameter or local variable has the same name as a state variable, so code in the function silently uses the local one.',
  recommendation: 'Rename the local variable (a leading underscore is the usual convention).',
  detect(ctx) {
    for (const c of targetContracts(ctx.project)) {
      const stateNames = new Set(
        c.linearization.flatMap((k) =>
          k.stateVars.filter((v) => k === c || v.visibility !== 'private').map((v) => v.name),
        ),
      );
      for (const f of [...c.functions, ...c.modifiers]) {
        if (!f.body && f.kind !== 'function') continue;
        for (const v of [...f.params, ...f.locals]) {
          if (v.name && stateNames.has(v.name))
            ctx.report({
              node: v.node,
              contract: c,
              function: f,
              message: `${v.name} shadows a state variable`,
            });
        }
      }
    }
  },
});
