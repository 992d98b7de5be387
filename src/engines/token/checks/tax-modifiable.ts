import { defineCheck, privilegeFlag } from './types.js';

export default defineCheck({
  id: 'tax-modifiable',
  title: 'Owner can change the taxes',
  severity: 'medium',
  description: 'The owner can raise buy or sell fees at will, up to turning the token into a honeypot.',
  recommendation: 'Check for a hard cap on fees in the contract.',
  weights: [{ when: 'fee setter callable by a live owner', penalty: 1 }],
  evaluate: privilegeFlag('canModifyTax'),
});
