import { defineCheck, privilegeFlag } from './types.js';

export default defineCheck({
  id: 'trading-switch',
  title: 'Owner can switch trading on and off',
  severity: 'low',
  description: 'A trading switch lets the owner decide who can trade and when.',
  recommendation: 'Check that trading cannot be disabled again after launch.',
  weights: [{ when: 'trading switch callable by a live owner', penalty: 1 }],
  evaluate: privilegeFlag('hasTradingSwitch'),
});
