import { defineCheck, privilegeFlag } from './types.js';

export default defineCheck({
  id: 'owner-can-mint',
  title: 'Owner can mint new tokens',
  severity: 'high',
  description:
    'A live owner (or hidden privileged account) can call a mint function and create supply after launch, diluting holders and draining the pool.',
  recommendation: 'Only hold if minting is renounced, capped, or behind a timelock.',
  weights: [{ when: 'mint function callable by a live owner', penalty: 4 }],
  evaluate: privilegeFlag('canMint'),
});
