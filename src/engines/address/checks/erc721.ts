import { defineCheck } from './define-check.js';

export const erc721Check = defineCheck({
  name: 'erc721',
  riskLevel: 'BASE_INFO',
  weight: 0,
  scope: 'contract',
  riskDesc: 'The contract implements the ERC721 NFT standard.',
  basis: 'supportsInterface(0x80ac58cd) returns true.',
  evaluate(facts) {
    return facts.token.standard === 'ERC721';
  },
});
