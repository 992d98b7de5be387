import { defineCheck, hasLabel } from './define-check.js';

export const mixerCheck = defineCheck({
  name: 'mixer',
  riskLevel: 'BASE_INFO',
  weight: 0,
  riskDesc: 'The address is listed as a mixer (funds obfuscation).',
  basis: 'Imported lists, category mixer.',
  evaluate(facts) {
    return hasLabel(facts, 'mixer');
  },
});
