import { defineCheck } from './define-check.js';

/** Younger than this at the scanned block counts as new. */
export const NEW_CONTRACT_SECONDS = 7 * 24 * 60 * 60;

export const newContractCheck = defineCheck({
  name: 'new_contract',
  riskLevel: 'LOW_RISK',
  weight: 5,
  scope: 'contract',
  riskDesc: 'The contract was deployed less than 7 days before the scan; scams are often short-lived.',
  basis: 'Creation block timestamp (ots_getContractCreator) against the scanned block.',
  evaluate(facts) {
    if (!facts.creator || facts.creator.timestamp === null || facts.scannedBlockTimestamp === null) {
      return { value: false, skipped: facts.creatorNote ?? 'creation time unknown' };
    }
    return facts.scannedBlockTimestamp - facts.creator.timestamp < NEW_CONTRACT_SECONDS;
  },
});
