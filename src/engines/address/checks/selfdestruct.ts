import { defineCheck } from './define-check.js';

export const selfdestructCheck = defineCheck({
  name: 'selfdestruct',
  riskLevel: 'HIGH_RISK',
  weight: 25,
  scope: 'contract',
  riskDesc: 'The contract (or its implementation) contains SELFDESTRUCT and can be destroyed or drained.',
  basis: 'SELFDESTRUCT opcode in reachable-looking code of the contract or implementation.',
  evaluate(facts) {
    return facts.opcodes.selfdestruct;
  },
});
