import { defineDetector } from '../define-detector.js';
import { targetContracts } from './lib/query.js';
import { allFunctions, derivedContracts } from './lib/state-usage.js';

export default defineDetector({
  id: 'gas-external-over-public',
  title: 'Public function could be external',
  severity: 'gas',
  confidence: 'medium',
  category: 'gas',
  description:
    'A public function taking array/bytes/string parameters is never called internally; as external it can read them from calldata.',
  recommendation: 'Declare it `external` and its reference parameters `calldata`.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract'])) {
      const family = [c, ...derivedContracts(ctx.project.contracts, c)];
      const calls = family.flatMap(allFunctions).flatMap((f) => f.calls);
      for (const f of c.functions) {
        if (f.kind !== 'function' || f.visibility !== 'public' || f.isVirtual || f.isOverride) continue;
        if (!f.params.some((p) => p.location === 'memory')) continue;
        const internal = calls.some(
          (x) => (x.kind === 'internal' || x.kind === 'self-external') && x.name === f.name,
        );
        if (!internal) ctx.report({ node: f.node, contract: c, function: f });
      }
    }
  },
});
