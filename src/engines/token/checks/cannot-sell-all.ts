import { defineCheck } from './types.js';

export default defineCheck({
  id: 'cannot-sell-all',
  title: 'Holders cannot sell their whole balance',
  severity: 'high',
  description: 'Selling 100% of the bought tokens reverted while selling 99% worked.',
  recommendation: 'Expect to keep a remainder; check for max-sell or anti-dump rules in the contract.',
  weights: [{ when: '100% sell reverts, 99% sell succeeds', penalty: 3 }],
  evaluate: ({ simulation }) => {
    if (!simulation?.legs.sell) return null;
    if (simulation.cannotBuy || simulation.transferBlocked) return null;
    return {
      triggered: simulation.cannotSellAll,
      value: simulation.cannotSellAll,
      detail: simulation.cannotSellAll
        ? 'only 99% of the balance could be sold'
        : 'the whole balance could be sold',
    };
  },
});
