import { defineCheck } from './define-check.js';

export const ownerRenouncedCheck = defineCheck({
  name: 'owner_renounced',
  riskLevel: 'BASE_INFO',
  weight: 0,
  scope: 'contract',
  riskDesc: 'The owner() / getOwner() of the contract is the zero or a dead address.',
  basis: 'owner() or getOwner() return value.',
  evaluate(facts) {
    return facts.owner.renounced;
  },
});
