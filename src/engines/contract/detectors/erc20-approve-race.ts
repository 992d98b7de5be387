import { defineDetector } from '../define-detector.js';
import { textOf } from '../parse/syntax-node.js';
import { guardConditions, targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'erc20-approve-race',
  title: 'ERC20 approve race condition',
  severity: 'low',
  confidence: 'medium',
  category: 'front_running',
  swc: 'SWC-114',
  description:
    'approve() overwrites an existing allowance. A spender who sees the owner change allowance N to M can front-run and spend N, then M.',
  recommendation:
    'Offer increaseAllowance/decreaseAllowance, or require the allowance to be zero (or equal an expected value) before changing it.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      const approve = c.functions.find((f) => f.name === 'approve' && f.params.length === 2 && f.body);
      if (!approve || c.linearization.some((k) => k.functions.some((f) => f.name === 'ownerOf'))) continue;
      const names = new Set(c.linearization.flatMap((k) => k.functions.map((f) => f.name)));
      if (
        names.has('increaseAllowance') ||
        names.has('decreaseAllowance') ||
        names.has('safeIncreaseAllowance')
      )
        continue;
      const zeroCheck = guardConditions(approve.body!).some((cond) => /==\s*0|0\s*==/.test(textOf(cond)));
      if (!zeroCheck) ctx.report({ node: approve.node, contract: c, function: approve });
    }
  },
});
