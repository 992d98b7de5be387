import { defineCheck, hasTag } from './define-check.js';

export const blacklistFunctionCheck = defineCheck({
  name: 'blacklist_function',
  riskLevel: 'MEDIUM_RISK',
  weight: 15,
  scope: 'contract',
  riskDesc: 'The contract can block chosen addresses from transferring.',
  basis: 'Dispatcher selectors tagged blacklist (blacklist, addBlackList, setBots, freeze, ...).',
  evaluate(facts) {
    return hasTag(facts, 'blacklist');
  },
});
