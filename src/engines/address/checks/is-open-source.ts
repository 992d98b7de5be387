import { defineCheck } from './define-check.js';

export const isOpenSourceCheck = defineCheck({
  name: 'is_open_source',
  riskLevel: 'HIGH_RISK',
  weight: 15,
  riskyWhen: false,
  scope: 'contract',
  riskDesc: 'Un-open-sourced contracts may hide various unknown mechanisms and are extremely risky.',
  basis:
    'Verified source from the configured explorer/Sourcify providers (for a proxy: the proxy or its implementation). Value "true" means verified.',
  evaluate(facts) {
    if (facts.source.note && !facts.source.verified) return { value: false, skipped: facts.source.note };
    return facts.source.verified;
  },
});
