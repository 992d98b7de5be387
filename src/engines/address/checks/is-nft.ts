import { defineCheck } from './define-check.js';

export const isNftCheck = defineCheck({
  name: 'is_nft',
  riskLevel: 'BASE_INFO',
  weight: 0,
  scope: 'contract',
  riskDesc: 'The contract is an NFT collection (ERC721 or ERC1155).',
  basis: 'Token standard ERC721 or ERC1155.',
  evaluate(facts) {
    return facts.token.standard === 'ERC721' || facts.token.standard === 'ERC1155';
  },
});
