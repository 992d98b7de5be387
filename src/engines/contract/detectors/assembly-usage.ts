import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'assembly-usage',
  title: 'Inline assembly',
  severity: 'informational',
  confidence: 'high',
  category: 'other',
  description: 'Inline assembly bypasses the type system and safety checks; it needs careful manual review.',
  recommendation: 'Limit assembly to small, documented, well-tested helpers.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const a of findAll(f.body!, 'AssemblyStatement'))
        ctx.report({ node: a, contract: f.contract, function: f });
    }
  },
});
