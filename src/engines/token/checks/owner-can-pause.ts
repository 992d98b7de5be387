import { defineCheck, privilegeFlag } from './types.js';

export default defineCheck({
  id: 'owner-can-pause',
  title: 'Owner can pause transfers',
  severity: 'medium',
  description: 'The owner can freeze every transfer, including sells.',
  recommendation: 'Prefer tokens whose pause power is renounced or timelocked.',
  weights: [{ when: 'pause function callable by a live owner', penalty: 2 }],
  evaluate: privilegeFlag('canPause'),
});
