import { defineDetector } from '../define-detector.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'deprecated-suicide',
  title: 'Deprecated suicide',
  severity: 'informational',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-111',
  description:
    '`suicide` is a deprecated alias of selfdestruct, removed in 0.5.0 (and selfdestruct itself is deprecated since 0.8.18).',
  recommendation:
    'Avoid contract destruction; if unavoidable, use selfdestruct behind strict access control.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const c of f.calls)
        if (c.kind === 'builtin' && c.name === 'suicide')
          ctx.report({ node: c.node, contract: f.contract, function: f });
    }
  },
});
