import { defineCheck } from './define-check.js';

export const erc1155Check = defineCheck({
  name: 'erc1155',
  riskLevel: 'BASE_INFO',
  weight: 0,
  scope: 'contract',
  riskDesc: 'The contract implements the ERC1155 multi-token standard.',
  basis: 'supportsInterface(0xd9b67a26) returns true.',
  evaluate(facts) {
    return facts.token.standard === 'ERC1155';
  },
});
