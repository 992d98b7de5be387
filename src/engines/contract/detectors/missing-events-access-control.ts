import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';
import { isEntryPoint, reachableFunctions, targetFunctions } from './lib/query.js';

const ROLE_RE = /owner|admin|governance|governor|operator|guardian|authority|manager|minter|pauser/i;

export default defineDetector({
  id: 'missing-events-access-control',
  title: 'Missing event on access-control change',
  severity: 'low',
  confidence: 'medium',
  category: 'access_control',
  description:
    'A privileged address (owner, admin, operator...) is changed without emitting an event, hiding the change from monitoring.',
  recommendation:
    'Emit an event (e.g. OwnershipTransferred(old, new)) whenever a privileged address changes.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isEntryPoint(f)) continue;
      const w = f.writes.find(
        (x) =>
          ROLE_RE.test(x.variable.name) &&
          x.variable.type.text.startsWith('address') &&
          x.node.parent?.kind === 'AssignmentExpression',
      );
      if (!w) continue;
      const emits = reachableFunctions(f).some(
        (g) =>
          g.body && (findAll(g.body, 'EmitStatement').length > 0 || g.calls.some((c) => c.kind === 'event')),
      );
      if (!emits) ctx.report({ node: w.node.parent!, contract: f.contract, function: f });
    }
  },
});
