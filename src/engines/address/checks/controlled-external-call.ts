import { defineCheck, hasTag } from './define-check.js';

export const controlledExternalCallCheck = defineCheck({
  name: 'controlled-external-call',
  riskLevel: 'HIGH_RISK',
  weight: 15,
  scope: 'contract',
  riskDesc:
    "The contract can execute another contract's code in its own context (DELEGATECALL/CALLCODE) outside a standard proxy or upgrade path.",
  basis:
    'DELEGATECALL or CALLCODE in a contract (or implementation) that has no upgrade function and is not itself a proxy.',
  evaluate(facts) {
    if (facts.opcodes.callcode) return true;
    return (
      facts.opcodes.delegatecall &&
      facts.proxy === null &&
      !hasTag(facts, 'upgrade') &&
      !hasTag(facts, 'multicall')
    );
  },
});
