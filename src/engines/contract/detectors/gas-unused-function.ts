import { defineDetector } from '../define-detector.js';
import { targetContracts } from './lib/query.js';
import { derivedContracts } from './lib/state-usage.js';

export default defineDetector({
  id: 'gas-unused-function',
  title: 'Unused private/internal function',
  severity: 'gas',
  confidence: 'medium',
  category: 'gas',
  description:
    'A private function (or an internal one in a contract nothing inherits from) is never called; it is dead code.',
  recommendation: 'Remove the function.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      const derived = derivedContracts(ctx.project.contracts, c);
      if (c.kind === 'abstract' && derived.length === 0) continue;
      const family = [c, ...derived];
      const source = family.map((k) => k.file.source.slice(k.node.start, k.node.end)).join('\n');
      for (const f of c.functions) {
        if (f.kind !== 'function' || f.isVirtual) continue;
        if (
          f.visibility !== 'private' &&
          !(f.visibility === 'internal' && derived.length === 0 && c.kind === 'contract')
        )
          continue;
        const mentions = source.split(new RegExp(`\\b${f.name}\\b`)).length - 1;
        if (mentions <= 1) ctx.report({ node: f.node, contract: c, function: f });
      }
    }
  },
});
