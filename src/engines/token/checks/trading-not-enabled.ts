import { defineCheck } from './types.js';

export default defineCheck({
  id: 'trading-not-enabled',
  title: 'Trading is not enabled yet',
  severity: 'medium',
  description:
    'The pool has liquidity but buys revert and the token reports trading as disabled (or reverts with a ' +
    'trading-disabled reason): the token is pre-launch, and whether it can be sold cannot be verified yet.',
  recommendation:
    'Scan again after launch; until then the owner decides when, and whether, anyone can trade.',
  weights: [{ when: 'buys revert and the token says trading is off', penalty: 3 }],
  evaluate: ({ tradingNotEnabled, pools }) => {
    if (!pools.main) return null;
    return {
      triggered: tradingNotEnabled.detected,
      value: tradingNotEnabled.detected,
      detail: tradingNotEnabled.detected ? tradingNotEnabled.evidence.join('; ') : 'trading is open',
    };
  },
});
