import { defineCheck, privilegeFlag } from './types.js';

export default defineCheck({
  id: 'owner-change-balance',
  title: 'Owner can change balances',
  severity: 'critical',
  description: 'The owner can rewrite holders’ balances directly.',
  recommendation: 'Do not hold: balances are not yours.',
  weights: [{ when: 'balance-changing function callable by a live owner', penalty: 6 }],
  evaluate: privilegeFlag('canChangeBalance'),
});
