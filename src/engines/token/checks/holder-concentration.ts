import { defineCheck } from './types.js';

export default defineCheck({
  id: 'holder-concentration',
  title: 'Supply concentrated in one wallet',
  severity: 'high',
  description:
    'One wallet (not a pool, burn address, locker or the token contract) holds a large share of the supply ' +
    'and can crash the price by selling.',
  recommendation: 'Check who the wallet belongs to and whether its tokens are vested or locked.',
  weights: [
    { when: 'top wallet >= 20%', penalty: 2 },
    { when: 'top wallet >= 50%', penalty: 4 },
    { when: 'top wallet >= 90%', penalty: 7, cap: 3 },
  ],
  evaluate: ({ holders }) => {
    if (!holders) return null;
    const p = holders.topWalletPercent;
    return {
      triggered: p >= 20,
      level: p >= 90 ? 2 : p >= 50 ? 1 : 0,
      value: p,
      detail: `top wallet ${holders.topWalletAddress ?? 'n/a'} holds ${p}%, top 10 hold ${holders.top10Percent}%`,
    };
  },
});
