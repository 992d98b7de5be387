import { defineCheck, hasLabel } from './define-check.js';

export const sanctionCheck = defineCheck({
  name: 'sanction',
  riskLevel: 'BASE_INFO',
  weight: 0,
  riskDesc: 'The address is on a sanctions list.',
  basis: 'Imported lists, category sanctioned.',
  evaluate(facts) {
    return hasLabel(facts, 'sanctioned');
  },
});
