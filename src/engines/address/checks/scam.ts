import { defineCheck, hasLabel } from './define-check.js';

export const scamCheck = defineCheck({
  name: 'scam',
  riskLevel: 'BASE_INFO',
  weight: 0,
  riskDesc: 'The address is listed as a scam address.',
  basis: 'Imported lists, category scam.',
  evaluate(facts) {
    return hasLabel(facts, 'scam');
  },
});
