import { defineCheck } from './define-check.js';

export const isAccessControlCheck = defineCheck({
  name: 'is_access_control',
  riskLevel: 'LOW_RISK',
  weight: 3,
  scope: 'contract',
  riskDesc: 'The contract uses role-based access control; role holders have special powers.',
  basis: 'AccessControl selectors (hasRole, grantRole, ...) in the dispatcher.',
  evaluate(facts) {
    return facts.accessControl.present;
  },
});
