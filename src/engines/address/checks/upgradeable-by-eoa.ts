import { defineCheck } from './define-check.js';

export const upgradeableByEoaCheck = defineCheck({
  name: 'upgradeable_by_eoa',
  riskLevel: 'MEDIUM_RISK',
  weight: 20,
  scope: 'contract',
  riskDesc: "A single externally owned account can replace the contract's logic at any time.",
  basis:
    'The proxy admin, the owner of the admin contract or beacon, or the owner of a UUPS implementation is an EOA.',
  evaluate(facts) {
    return facts.proxy?.upgraderIsEoa ?? false;
  },
});
