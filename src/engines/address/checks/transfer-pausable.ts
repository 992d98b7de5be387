import { defineCheck, hasTag } from './define-check.js';

export const transferPausableCheck = defineCheck({
  name: 'transfer_pausable',
  riskLevel: 'MEDIUM_RISK',
  weight: 15,
  scope: 'contract',
  riskDesc: 'Transfers or trading can be paused by a privileged account.',
  basis: 'Dispatcher selectors tagged pause or trading_switch (pause, setTradingEnabled, ...).',
  evaluate(facts) {
    return hasTag(facts, 'pause') || hasTag(facts, 'trading_switch');
  },
});
