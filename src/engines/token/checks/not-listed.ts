import { defineCheck } from './types.js';

export default defineCheck({
  id: 'not-listed',
  title: 'No pool with liquidity on any configured DEX',
  severity: 'medium',
  description:
    'No configured DEX has a pool of this token with liquidity, so it cannot be bought or sold there and the trade simulation cannot run.',
  recommendation:
    'Treat presales and unlisted tokens as unverified: nothing shows yet that holders will be able to sell.',
  weights: [{ when: 'no pool with liquidity', penalty: 4 }],
  evaluate: ({ pools }) => ({
    triggered: pools.main === null,
    value: pools.pools.length,
    detail:
      pools.main === null
        ? `${pools.pools.length} pool(s) found, none with liquidity`
        : `main pool ${pools.main.address}`,
  }),
});
