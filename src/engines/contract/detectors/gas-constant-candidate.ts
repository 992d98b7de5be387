import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';
import { targetContracts } from './lib/query.js';
import { derivedContracts, writersOf } from './lib/state-usage.js';

export default defineDetector({
  id: 'gas-constant-candidate',
  title: 'State variable could be constant',
  severity: 'gas',
  confidence: 'high',
  category: 'gas',
  description:
    'The variable is initialized with a literal and never written, yet it occupies a storage slot and costs an SLOAD per read.',
  recommendation: 'Declare it `constant`.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      const family = [c, ...derivedContracts(ctx.project.contracts, c)];
      for (const v of c.stateVars) {
        if (v.constant || v.immutable || !v.initializer || v.type.kind !== 'elementary') continue;
        const literal =
          findAll(v.initializer, 'Identifier').length === 0 &&
          !/\(/.test(v.contract.file.source.slice(v.initializer.start, v.initializer.end));
        if (!literal) continue;
        if (family.some((k) => writersOf(k, v).length > 0)) continue;
        ctx.report({ node: v.node, contract: c });
      }
    }
  },
});
