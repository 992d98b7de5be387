import { defineDetector } from '../define-detector.js';
import { targetFunctions } from './lib/query.js';
import { successIsChecked } from './unchecked-low-level-call.js';

export default defineDetector({
  id: 'unchecked-transfer',
  title: 'Unchecked ERC20 transfer',
  severity: 'high',
  confidence: 'medium',
  category: 'unchecked_low_level_calls',
  swc: 'SWC-104',
  description:
    'The boolean returned by an ERC20 transfer/transferFrom/approve is ignored. Tokens that return false instead of reverting leave the contract believing the transfer happened.',
  recommendation: 'Use OpenZeppelin SafeERC20 (safeTransfer/safeTransferFrom) or require the returned value.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const c of f.calls) {
        if (c.kind !== 'high-level') continue;
        const erc20 =
          (c.name === 'transfer' && c.args.length === 2) ||
          (c.name === 'transferFrom' && c.args.length === 3) ||
          (c.name === 'approve' && c.args.length === 2);
        // ERC721/1155 transferFrom returns nothing; only ERC20-like receivers are in scope.
        if (/721|1155|nft/i.test(c.receiverType ?? '')) continue;
        if (c.targets.length > 0 && c.targets.every((t) => t.returns.length === 0)) continue;
        if (erc20 && !successIsChecked(f, c.node))
          ctx.report({ node: c.node, contract: f.contract, function: f });
      }
    }
  },
});
