import { defineDetector } from '../define-detector.js';
import { targetContracts } from './lib/query.js';

const EXPECT: Record<string, { params: number; returns: string }> = {
  balanceOf: { params: 1, returns: 'uint256' },
  ownerOf: { params: 1, returns: 'address' },
  getApproved: { params: 1, returns: 'address' },
  isApprovedForAll: { params: 2, returns: 'bool' },
  approve: { params: 2, returns: '' },
  transferFrom: { params: 3, returns: '' },
  supportsInterface: { params: 1, returns: 'bool' },
};

export default defineDetector({
  id: 'erc721-interface',
  title: 'Incorrect ERC721 interface',
  severity: 'medium',
  confidence: 'high',
  category: 'other',
  description:
    'An ERC721-looking contract declares standard functions with wrong return types (e.g. ownerOf not returning address, approve returning bool), breaking marketplaces and wallets.',
  recommendation: 'Match the ERC721 signatures exactly (EIP-721).',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract', 'interface'])) {
      if (!c.functions.some((f) => f.name === 'ownerOf')) continue;
      for (const f of c.functions) {
        const e = EXPECT[f.name];
        if (!e || f.params.length !== e.params) continue;
        const ret = f.returns.map((r) => r.type.text).join(',');
        if (ret !== e.returns)
          ctx.report({
            node: f.node,
            contract: c,
            function: f,
            message: `${f.name} returns (${ret}) instead of (${e.returns})`,
          });
      }
    }
  },
});
