import { defineCheck, hasTag } from './define-check.js';

export const tradingCooldownCheck = defineCheck({
  name: 'trading_cooldown',
  riskLevel: 'LOW_RISK',
  weight: 5,
  scope: 'contract',
  riskDesc: 'The contract enforces a cooldown between trades.',
  basis: 'Dispatcher selectors tagged cooldown.',
  evaluate(facts) {
    return hasTag(facts, 'cooldown');
  },
});
