import { defineCheck, privilegeFlag } from './types.js';

export default defineCheck({
  id: 'anti-whale-modifiable',
  title: 'Owner can change max-wallet or max-transaction limits',
  severity: 'low',
  description: 'Limits on wallet size or trade size can be tightened to trap holders.',
  recommendation: 'Check the bounds the setter enforces.',
  weights: [{ when: 'anti-whale setter callable by a live owner', penalty: 1 }],
  evaluate: privilegeFlag('antiWhaleModifiable'),
});
