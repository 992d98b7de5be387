import { defineCheck, hasTag } from './define-check.js';

export const modifyFeeCheck = defineCheck({
  name: 'modify-fee',
  riskLevel: 'MEDIUM_RISK',
  weight: 10,
  scope: 'contract',
  riskDesc: 'A privileged account can change the transfer/buy/sell tax.',
  basis: 'Dispatcher selectors tagged modify_fee (setFee, setTaxes, updateSellFees, ...).',
  evaluate(facts) {
    return hasTag(facts, 'modify_fee');
  },
});
