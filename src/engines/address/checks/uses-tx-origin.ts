import { defineCheck } from './define-check.js';

export const usesTxOriginCheck = defineCheck({
  name: 'uses_tx_origin',
  riskLevel: 'LOW_RISK',
  weight: 3,
  scope: 'contract',
  riskDesc: 'The contract reads tx.origin, which is unsafe for authorization.',
  basis: 'ORIGIN opcode in the contract or implementation.',
  evaluate(facts) {
    return facts.opcodes.origin;
  },
});
