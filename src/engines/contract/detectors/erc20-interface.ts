import { defineDetector } from '../define-detector.js';
import { targetContracts } from './lib/query.js';

const EXPECT: Record<string, { params: number; returns: string }> = {
  transfer: { params: 2, returns: 'bool' },
  transferFrom: { params: 3, returns: 'bool' },
  approve: { params: 2, returns: 'bool' },
  balanceOf: { params: 1, returns: 'uint256' },
  allowance: { params: 2, returns: 'uint256' },
  totalSupply: { params: 0, returns: 'uint256' },
};

export default defineDetector({
  id: 'erc20-interface',
  title: 'Incorrect ERC20 interface',
  severity: 'medium',
  confidence: 'high',
  category: 'other',
  description:
    'An ERC20-looking contract declares transfer/approve/transferFrom/balanceOf with the wrong return type (typically no bool). Callers compiled against the standard interface revert when decoding the missing return value.',
  recommendation:
    'Match the ERC20 signatures exactly: transfer/transferFrom/approve return bool; balanceOf/allowance/totalSupply return uint256.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract', 'interface'])) {
      const fns = c.functions.filter((f) => Object.hasOwn(EXPECT, f.name));
      const isErc20 =
        fns.some((f) => f.name === 'transfer') &&
        (fns.some((f) => f.name === 'balanceOf') || c.stateVars.some((v) => v.name === 'balanceOf')) &&
        !c.functions.some((f) => f.name === 'ownerOf');
      if (!isErc20) continue;
      for (const f of fns) {
        const e = EXPECT[f.name]!;
        if (f.params.length !== e.params) continue;
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
