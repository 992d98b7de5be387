import { defineCheck, hasTag } from './define-check.js';

export const antiWhaleModifiableCheck = defineCheck({
  name: 'anti_whale_modifiable',
  riskLevel: 'MEDIUM_RISK',
  weight: 5,
  scope: 'contract',
  riskDesc: 'A privileged account can change the maximum transaction or wallet size.',
  basis: 'Dispatcher selectors tagged anti_whale (setMaxTxAmount, setMaxWallet, ...).',
  evaluate(facts) {
    return hasTag(facts, 'anti_whale');
  },
});
