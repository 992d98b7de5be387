import { defineCheck, hasTag, someoneIsPrivileged } from './define-check.js';

export const isMintableCheck = defineCheck({
  name: 'is_mintable',
  riskLevel: 'LOW_RISK',
  weight: 15,
  scope: 'contract',
  riskDesc: 'Someone can still mint new tokens, diluting holders.',
  basis: 'A mint selector in the dispatcher and a live owner, role admin or hidden privileged caller.',
  evaluate(facts) {
    return hasTag(facts, 'mint') && someoneIsPrivileged(facts);
  },
});
