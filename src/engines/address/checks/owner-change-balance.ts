import { defineCheck, hasTag, someoneIsPrivileged } from './define-check.js';

export const ownerChangeBalanceCheck = defineCheck({
  name: 'owner_change_balance',
  riskLevel: 'HIGH_RISK',
  weight: 35,
  scope: 'contract',
  riskDesc: "The owner can change any holder's balance (set, seize or burn it).",
  basis:
    'Dispatcher selectors tagged owner_change_balance (setBalance, burn(address,uint256), forceTransfer, ...) with someone privileged.',
  evaluate(facts) {
    return hasTag(facts, 'owner_change_balance') && someoneIsPrivileged(facts);
  },
});
