import { defineDetector } from '../define-detector.js';
import { child, items } from '../parse/syntax-node.js';
import { targetContracts } from './lib/query.js';

const VIS = new Set(['PublicKeyword', 'ExternalKeyword', 'InternalKeyword', 'PrivateKeyword']);

export default defineDetector({
  id: 'default-visibility-function',
  title: 'Function without explicit visibility',
  severity: 'medium',
  confidence: 'high',
  category: 'access_control',
  swc: 'SWC-100',
  description:
    'Before Solidity 0.5, functions without a visibility specifier are public. Helper functions meant to be internal become callable by anyone.',
  recommendation: 'Declare visibility explicitly on every function; make helpers internal or private.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project)) {
      for (const f of c.functions) {
        if (f.node.kind !== 'FunctionDefinition' || f.kind !== 'function') continue;
        if (items(child(f.node, 'Attributes')).some((a) => VIS.has(a.kind))) continue;
        ctx.report({
          node: child(f.node, 'Name') ?? f.node,
          contract: c,
          function: f,
          message: `${f.name}() is implicitly public`,
        });
      }
    }
  },
});
