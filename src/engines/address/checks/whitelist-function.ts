import { defineCheck, hasTag } from './define-check.js';

export const whitelistFunctionCheck = defineCheck({
  name: 'whitelist_function',
  riskLevel: 'LOW_RISK',
  weight: 5,
  scope: 'contract',
  riskDesc: 'The contract keeps a whitelist that exempts chosen addresses from its rules.',
  basis: 'Dispatcher selectors tagged whitelist (addToWhitelist, excludeFromFee, ...).',
  evaluate(facts) {
    return hasTag(facts, 'whitelist');
  },
});
