import { defineCheck } from './define-check.js';

export const erc20Check = defineCheck({
  name: 'erc20',
  riskLevel: 'BASE_INFO',
  weight: 0,
  scope: 'contract',
  riskDesc: 'The contract implements the ERC20 fungible token standard.',
  basis: 'All six ERC20 core selectors, or working totalSupply() and decimals().',
  evaluate(facts) {
    return facts.token.standard === 'ERC20';
  },
});
