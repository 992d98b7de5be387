import { defineDetector } from '../define-detector.js';
import { riskyArithmetic } from './lib/arithmetic.js';
import { isMutating, mayWrapArithmetic, targetContracts, usesSafeMath } from './lib/query.js';

export default defineDetector({
  id: 'integer-overflow',
  title: 'Integer overflow/underflow (pre-0.8 arithmetic)',
  severity: 'high',
  confidence: 'medium',
  category: 'arithmetic',
  swc: 'SWC-101',
  description:
    'The pragma admits compilers older than 0.8.0, whose arithmetic silently wraps, and this operation on caller-influenced values is neither done through SafeMath nor bounds-checked first.',
  recommendation:
    'Compile with Solidity ≥0.8 (checked arithmetic) or use SafeMath for every arithmetic operation on untrusted values.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract', 'library'])) {
      if (!mayWrapArithmetic(c) || usesSafeMath(c) || /safemath/i.test(c.name)) continue;
      for (const f of c.functions) {
        if (!f.body || !isMutating(f)) continue;
        for (const n of riskyArithmetic(f, f.body)) ctx.report({ node: n, contract: c, function: f });
      }
    }
  },
});
