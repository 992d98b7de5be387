import { defineCheck, hasLabel } from './define-check.js';

export const drainerCheck = defineCheck({
  name: 'drainer',
  riskLevel: 'BASE_INFO',
  weight: 0,
  riskDesc: 'The address is listed as a wallet drainer.',
  basis: 'Imported lists, category drainer.',
  evaluate(facts) {
    return hasLabel(facts, 'drainer');
  },
});
