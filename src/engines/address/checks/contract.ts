import { defineCheck } from './define-check.js';

export const contractCheck = defineCheck({
  name: 'contract',
  riskLevel: 'BASE_INFO',
  weight: 0,
  riskDesc: 'The address is a smart contract.',
  basis: 'eth_getCode at the scanned block is not empty.',
  evaluate(facts) {
    return facts.isContract;
  },
});
