import { defineCheck } from './define-check.js';

export const walletCheck = defineCheck({
  name: 'wallet',
  riskLevel: 'BASE_INFO',
  weight: 0,
  riskDesc: 'The address is an externally owned account (wallet).',
  basis: 'eth_getCode at the scanned block is empty.',
  evaluate(facts) {
    return !facts.isContract;
  },
});
