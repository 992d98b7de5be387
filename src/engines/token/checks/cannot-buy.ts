import { blockerNote, defineCheck } from './types.js';

export default defineCheck({
  id: 'cannot-buy',
  title: 'Buying reverts although the pool has liquidity',
  severity: 'high',
  description: 'The simulated buy through the DEX router reverted and no trading switch explains it.',
  recommendation:
    'Find out why buys fail (blacklist of buyers, max-transaction rules) before trusting the token.',
  weights: [{ when: 'simulated buy reverts, trading not merely disabled', penalty: 7, cap: 3 }],
  evaluate: ({ simulation, tradingNotEnabled }) => {
    if (!simulation || tradingNotEnabled.detected) return null;
    return {
      triggered: simulation.cannotBuy,
      value: simulation.cannotBuy,
      detail: simulation.cannotBuy
        ? `buy reverted: ${simulation.legs.buy.revertReason ?? 'no reason'}${blockerNote(simulation)}`
        : 'buy succeeded',
    };
  },
});
