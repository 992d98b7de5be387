import { defineDetector } from '../define-detector.js';
import { identifierUses, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'deprecated-now',
  title: 'Deprecated now',
  severity: 'informational',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-111',
  description: '`now` is a deprecated alias of block.timestamp, removed in 0.7.0.',
  recommendation: 'Use block.timestamp.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const u of identifierUses(f, 'now')) ctx.report({ node: u, contract: f.contract, function: f });
    }
  },
});
