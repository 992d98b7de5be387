import { defineCheck } from './define-check.js';

export const freshAddressCheck = defineCheck({
  name: 'fresh_address',
  riskLevel: 'LOW_RISK',
  weight: 5,
  scope: 'eoa',
  riskDesc:
    'The account has never sent a transaction (nonce 0); new accounts are common in address-poisoning and scams.',
  basis: 'eth_getTransactionCount at the scanned block is 0.',
  evaluate(facts) {
    return !facts.isContract && facts.nonce === 0;
  },
});
