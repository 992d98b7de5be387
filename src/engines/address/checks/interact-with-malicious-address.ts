import { defineCheck } from './define-check.js';

export const interactWithMaliciousAddressCheck = defineCheck({
  name: 'Interact With Malicious Address',
  riskLevel: 'MEDIUM_RISK',
  weight: 40,
  riskDesc: 'The address recently transacted with an address on an imported malicious list.',
  basis:
    'Counterparties of the latest transactions (ots_searchTransactionsBefore, where the node supports it) against the imported lists.',
  evaluate(facts) {
    if (!facts.interactions.supported)
      return { value: false, skipped: facts.interactions.note ?? 'not supported by the node' };
    return facts.interactions.malicious.length > 0;
  },
});
