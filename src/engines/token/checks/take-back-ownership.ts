import { defineCheck, privilegeFlag } from './types.js';

export default defineCheck({
  id: 'take-back-ownership',
  title: 'Ownership can be taken back',
  severity: 'high',
  description: 'Ownership looks renounced but the contract has a function to reclaim it.',
  recommendation: 'Treat the owner as live.',
  weights: [{ when: 'renounced owner plus a reclaim function', penalty: 3 }],
  evaluate: privilegeFlag('canTakeBackOwnership'),
});
