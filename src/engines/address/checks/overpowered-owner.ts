import { defineCheck, hasTag, someoneIsPrivileged } from './define-check.js';

export const overpoweredOwnerCheck = defineCheck({
  name: 'Overpowered owner',
  riskLevel: 'BASE_INFO',
  weight: 10,
  scope: 'contract',
  riskDesc: 'A live owner or admin controls privileged functions (mint, blacklist, pause, fees, balances).',
  basis: 'A live owner, role admin or hidden privileged caller, and at least one privileged selector.',
  evaluate(facts) {
    const privileged = [
      'mint',
      'blacklist',
      'pause',
      'trading_switch',
      'modify_fee',
      'owner_change_balance',
    ].some((t) => hasTag(facts, t));
    return privileged && someoneIsPrivileged(facts);
  },
});
