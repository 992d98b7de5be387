import { defineCheck } from './types.js';

export default defineCheck({
  id: 'upgradeable-proxy',
  title: 'Token logic can be replaced (upgradeable proxy)',
  severity: 'medium',
  description:
    'The token is a proxy whose implementation an account can upgrade: every other check can change overnight.',
  recommendation: 'Check who can upgrade and whether upgrades go through a timelock or multisig.',
  weights: [{ when: 'proxy with an upgrader', penalty: 2 }],
  evaluate: ({ privileges }) => {
    if (!privileges) return null;
    const p = privileges.proxy;
    return {
      triggered: p?.upgradeable ?? false,
      value: p?.kind ?? null,
      detail: p ? `${p.kind} proxy, upgrader ${p.upgrader ?? 'unknown'}` : 'not a proxy',
    };
  },
});
