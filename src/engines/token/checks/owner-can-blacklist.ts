import { defineCheck, privilegeFlag } from './types.js';

export default defineCheck({
  id: 'owner-can-blacklist',
  title: 'Owner can blacklist wallets',
  severity: 'medium',
  description: 'The owner can block chosen wallets from transferring or selling.',
  recommendation: 'Check whether the blacklist is used and who controls it.',
  weights: [{ when: 'blacklist function callable by a live owner', penalty: 2 }],
  evaluate: privilegeFlag('canBlacklist'),
});
