import { defineDetector } from '../define-detector.js';
import { targetContracts } from './lib/query.js';
import { allFunctions, derivedContracts } from './lib/state-usage.js';

export default defineDetector({
  id: 'gas-unused-state-variable',
  title: 'Unused state variable',
  severity: 'gas',
  confidence: 'medium',
  category: 'gas',
  description:
    'A non-public state variable is never read or written by any function of the contract or contracts derived from it.',
  recommendation: 'Remove it (mind storage layout in upgradeable contracts).',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      const family = [c, ...derivedContracts(ctx.project.contracts, c)];
      const fns = family.flatMap(allFunctions);
      const source = family.map((k) => k.file.source.slice(k.node.start, k.node.end)).join('\n');
      for (const v of c.stateVars) {
        if (v.visibility === 'public') continue;
        const used = fns.some(
          (f) => f.reads.some((r) => r.variable === v) || f.writes.some((w) => w.variable === v),
        );
        // Assembly (.slot / .offset) and initializers of other state variables also count as uses.
        const mentions = source.split(new RegExp(`\\b${v.name}\\b`)).length - 1;
        if (!used && mentions <= 1) ctx.report({ node: v.node, contract: c });
      }
    }
  },
});
