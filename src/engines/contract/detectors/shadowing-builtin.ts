import { defineDetector } from '../define-detector.js';
import { BUILTIN_SYMBOLS } from '../ir/builtins.js';
import { targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'shadowing-builtin',
  title: 'Declaration shadows a builtin symbol',
  severity: 'low',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-119',
  description:
    'A variable, function, modifier or event is named like a Solidity builtin (now, msg, assert, require, keccak256...), changing what that name means in the contract.',
  recommendation: 'Rename the declaration.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project)) {
      for (const v of c.stateVars) if (BUILTIN_SYMBOLS.has(v.name)) ctx.report({ node: v.node, contract: c });
      for (const f of [...c.functions, ...c.modifiers]) {
        if (f.kind !== 'function' && f.kind !== 'modifier') continue;
        if (BUILTIN_SYMBOLS.has(f.name)) ctx.report({ node: f.node, contract: c, function: f });
        for (const v of [...f.params, ...f.locals])
          if (BUILTIN_SYMBOLS.has(v.name)) ctx.report({ node: v.node, contract: c, function: f });
      }
    }
  },
});
