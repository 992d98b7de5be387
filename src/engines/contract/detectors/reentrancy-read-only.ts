import { defineDetector } from '../define-detector.js';
import { isEntryPoint, publicApi, targetContracts } from './lib/query.js';
import { reentrancyCases } from './lib/reentrancy.js';

export default defineDetector({
  id: 'reentrancy-read-only',
  title: 'Read-only reentrancy',
  severity: 'medium',
  confidence: 'low',
  category: 'reentrancy',
  description:
    'A view function returns state that another function updates only after an external call. During that call, integrators (price oracles, vaults) reading the view get a stale, manipulable value; a nonReentrant guard on the writer does not protect readers.',
  recommendation:
    'Update state before external calls, or make view functions revert while the reentrancy lock is held (check the guard status in the view).',
  references: ['https://chainsecurity.com/curve-lp-oracle-manipulation-post-mortem/'],
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      const stale = new Map<string, string>();
      for (const f of publicApi(c)) {
        for (const rc of reentrancyCases(f))
          for (const w of rc.writesAfter) stale.set(w.variable.name, f.name);
      }
      if (stale.size === 0) continue;
      for (const v of publicApi(c)) {
        if (v.mutability !== 'view' || !isEntryPoint(v) || v.contract !== c) continue;
        const hit = v.reads.find((r) => stale.has(r.variable.name));
        if (hit) {
          ctx.report({
            node: v.node,
            contract: c,
            function: v,
            message: `${v.name}() reads ${hit.variable.name}, which ${stale.get(hit.variable.name)}() updates after an external call`,
          });
        }
      }
    }
  },
});
