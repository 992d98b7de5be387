import { defineCheck, hasLabel } from './define-check.js';

export const phishingCheck = defineCheck({
  name: 'phishing',
  riskLevel: 'BASE_INFO',
  weight: 0,
  riskDesc: 'The address is listed as a phishing address.',
  basis: 'Imported lists, category phishing.',
  evaluate(facts) {
    return hasLabel(facts, 'phishing');
  },
});
