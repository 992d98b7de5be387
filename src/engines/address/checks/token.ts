import { defineCheck } from './define-check.js';

export const tokenCheck = defineCheck({
  name: 'token',
  riskLevel: 'BASE_INFO',
  weight: 0,
  scope: 'contract',
  riskDesc: 'The contract is a token (ERC20, ERC721 or ERC1155).',
  basis: 'ERC-165 supportsInterface answers, the ERC20 core selectors, or working totalSupply()/decimals().',
  evaluate(facts) {
    return facts.token.standard !== null;
  },
});
