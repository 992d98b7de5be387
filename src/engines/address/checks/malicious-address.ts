import { defineCheck } from './define-check.js';

export const maliciousAddressCheck = defineCheck({
  name: 'Malicious Address',
  riskLevel: 'HIGH_RISK',
  weight: 100,
  riskDesc:
    'The address is on an imported list of malicious addresses (phishing, scam, sanctioned, drainer, exploiter or mixer).',
  basis: 'Imported address lists (vigil feeds import --format addresses).',
  evaluate(facts) {
    return facts.labels.length > 0;
  },
});
