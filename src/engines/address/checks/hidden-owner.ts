import { defineCheck } from './define-check.js';

export const hiddenOwnerCheck = defineCheck({
  name: 'hidden_owner',
  riskLevel: 'MEDIUM_RISK',
  weight: 30,
  scope: 'contract',
  riskDesc: 'The ability to hide the ownership of a contract can be used to manipulate the blockchain data.',
  basis:
    'eth_call simulation: the deployer or an address stored in the first storage slots can call a privileged function (mint, blacklist, pause, fee setters, ...) that a stranger cannot, while it is neither the visible owner nor a visible role admin.',
  evaluate(facts) {
    return facts.hiddenOwner.detected;
  },
});
