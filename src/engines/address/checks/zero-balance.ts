import { defineCheck } from './define-check.js';

export const zeroBalanceCheck = defineCheck({
  name: 'zero_balance',
  riskLevel: 'BASE_INFO',
  weight: 0,
  riskDesc: 'The address holds no native currency.',
  basis: 'eth_getBalance at the scanned block is 0.',
  evaluate(facts) {
    return facts.balance === '0';
  },
});
