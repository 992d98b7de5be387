import { defineCheck } from './types.js';

export const LOW_LIQUIDITY_USD = 10_000;

export default defineCheck({
  id: 'low-liquidity',
  title: 'Thin liquidity',
  severity: 'medium',
  description: `The quote side of the token’s pools is worth less than ${LOW_LIQUIDITY_USD} USD: prices move violently and exits are costly.`,
  recommendation: 'Size trades to the pool; thin pools are easy to drain or manipulate.',
  weights: [{ when: `quote-side liquidity < ${LOW_LIQUIDITY_USD} USD`, penalty: 2 }],
  evaluate: ({ pools, liquidityUsd }) => {
    if (!pools.main || liquidityUsd === null) return null;
    return {
      triggered: liquidityUsd < LOW_LIQUIDITY_USD,
      value: Math.round(liquidityUsd),
      detail: `${Math.round(liquidityUsd)} USD on the quote side`,
    };
  },
});
