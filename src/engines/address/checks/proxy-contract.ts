import { defineCheck } from './define-check.js';

export const proxyContractCheck = defineCheck({
  name: 'proxy_contract',
  riskLevel: 'LOW_RISK',
  weight: 5,
  scope: 'contract',
  riskDesc: 'The contract is a proxy: its logic lives in another contract and may change.',
  basis:
    'EIP-1167 code pattern, EIP-1967 implementation/beacon slots, EIP-1822 slot, EIP-897 implementation().',
  evaluate(facts) {
    return facts.proxy !== null;
  },
});
