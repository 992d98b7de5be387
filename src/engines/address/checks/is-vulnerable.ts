import { defineCheck } from './define-check.js';

export const isVulnerableCheck = defineCheck({
  name: 'is_vulnerable',
  riskLevel: 'HIGH_RISK',
  weight: 20,
  scope: 'contract',
  riskDesc: 'The Solidity analyzer found high-severity issues in the verified source.',
  basis: "Findings of Vigil's contract analyzer on the verified source (high or critical).",
  evaluate(facts) {
    if (!facts.analyzer.ran) return { value: false, skipped: facts.analyzer.note ?? 'analyzer not run' };
    return facts.analyzer.high > 0;
  },
});
