import { defineDetector } from '../define-detector.js';
import { isBelow } from '../parse/version.js';
import { targetContracts } from './lib/query.js';
import { derivedContracts, writersOf } from './lib/state-usage.js';

export default defineDetector({
  id: 'gas-immutable-candidate',
  title: 'State variable could be immutable',
  severity: 'gas',
  confidence: 'high',
  category: 'gas',
  description:
    'The variable is only assigned in the constructor; as immutable it would be embedded in bytecode instead of read from storage.',
  recommendation: 'Declare it `immutable` (Solidity ≥0.6.5).',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      if (isBelow(c.file.compiler.min ?? c.file.languageVersion, '0.6.5')) continue;
      const family = [c, ...derivedContracts(ctx.project.contracts, c)];
      for (const v of c.stateVars) {
        if (v.constant || v.immutable || v.type.kind !== 'elementary' || /^(string|bytes)$/.test(v.type.text))
          continue;
        const writers = family.flatMap((k) => writersOf(k, v));
        if (writers.length > 0 && writers.every((w) => w.kind === 'constructor') && !v.initializer)
          ctx.report({ node: v.node, contract: c });
      }
    }
  },
});
