import { defineCheck, hasTag } from './define-check.js';

export const takeBackOwnershipCheck = defineCheck({
  name: 'take_back_ownership',
  riskLevel: 'BASE_INFO',
  weight: 25,
  scope: 'contract',
  riskDesc: 'The contract has a function that lets a former owner take ownership back after renouncing it.',
  basis: 'Dispatcher selectors tagged take_back_ownership (reclaimOwnership, lock/unlock, setOwner, ...).',
  evaluate(facts) {
    return hasTag(facts, 'take_back_ownership');
  },
});
