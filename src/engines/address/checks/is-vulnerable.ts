import { defineCheck } from './define-check.js';

export const isVulnerableCheck = defineCheck({
  name: 'is_vulnerable',
  riskLevel: 'HIGH_RISK',
  weight: 20,
  scope: 'contract',
  riskDesc: 'The Solidity analyzer found high-severity issues in the verified source.',
  basis:
    "Vigil's Solidity analyzer on the verified source (the implementation's, behind a proxy): a critical or high finding of medium or high confidence. The findings are listed in `facts.analyzer`.",
  evaluate(facts) {
    if (!facts.analyzer.ran) return { value: false, skipped: facts.analyzer.note ?? 'analyzer not run' };
    return facts.analyzer.critical + facts.analyzer.high > 0;
  },
});
