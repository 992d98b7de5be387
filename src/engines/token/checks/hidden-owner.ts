import { defineCheck, privilegeFlag } from './types.js';

export default defineCheck({
  id: 'hidden-owner',
  title: 'Hidden owner',
  severity: 'high',
  description:
    'An account other than the visible owner can still call privileged functions (for example after a fake renounce).',
  recommendation: 'Treat renounced ownership as not renounced.',
  weights: [{ when: 'privileged caller other than the visible owner', penalty: 3 }],
  evaluate: privilegeFlag('hiddenOwner'),
});
