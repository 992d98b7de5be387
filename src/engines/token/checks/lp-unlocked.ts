import { defineCheck } from './types.js';

export default defineCheck({
  id: 'lp-unlocked',
  title: 'Liquidity can be pulled (LP not burned or locked)',
  severity: 'high',
  description:
    'Half or more of the main pool’s LP tokens sit in wallets that can remove the liquidity at any moment ' +
    '(neither burned nor held by a known locker): the classic rug pull.',
  recommendation: 'Ask the project to burn or lock the LP with a public locker before trading.',
  weights: [{ when: 'burned + locked LP < 50%', penalty: 4 }],
  evaluate: ({ lp }) => {
    if (!lp) return null;
    const safe = lp.burnedPercent + lp.lockedPercent;
    const who =
      lp.topUnlockedHolder === null
        ? ''
        : `; largest free holder ${lp.topUnlockedHolder} (${lp.topUnlockedPercent}%${lp.creatorPercent >= lp.topUnlockedPercent && lp.creatorPercent > 0 ? ', the creator' : ''})`;
    return {
      triggered: safe < 50,
      value: Math.round((100 - safe) * 100) / 100,
      detail: `burned ${lp.burnedPercent}%, locked ${lp.lockedPercent}%${who}`,
    };
  },
});
