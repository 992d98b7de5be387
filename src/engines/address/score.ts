import type { AddressCheck } from './checks/define-check.js';
import type { AddressFacts, RiskDetail } from './types.js';

export type TrustLevel = 'HIGH_TRUST' | 'MEDIUM_TRUST' | 'LOW_TRUST';

/** The seed's bands: 80-100 high, 60-79 medium, 0-59 low; -1 = no result yet. */
export function trustLevel(score: number): TrustLevel {
  if (score >= 80) return 'HIGH_TRUST';
  if (score >= 60) return 'MEDIUM_TRUST';
  return 'LOW_TRUST';
}

/** Score shown while a result is being computed. */
export const NO_RESULT_SCORE = -1;

export interface Evaluation {
  details: RiskDetail[];
  score: number;
  /** Checks that took points, for explanations. */
  scoring: { name: string; points: number }[];
}

function applies(check: AddressCheck, facts: AddressFacts): boolean {
  if (check.scope === 'contract') return facts.isContract;
  if (check.scope === 'eoa') return !facts.isContract;
  return true;
}

/**
 * Runs every check (every detail is returned for every address) and scores:
 * 100 minus the weight of each check that is risky for this address, floored at 0.
 * A check outside its scope (a contract check on an EOA) reads "false" and costs nothing,
 * as does a check that had to be skipped (its risk_desc says why).
 */
export function evaluateChecks(checks: readonly AddressCheck[], facts: AddressFacts): Evaluation {
  const details: RiskDetail[] = [];
  const scoring: { name: string; points: number }[] = [];
  let score = 100;
  for (const check of checks) {
    let value = false;
    let skipped: string | undefined;
    if (applies(check, facts)) {
      const outcome = check.evaluate(facts);
      if (typeof outcome === 'boolean') value = outcome;
      else {
        value = outcome.value;
        skipped = outcome.skipped;
      }
      if (!skipped && value === check.riskyWhen && check.weight > 0) {
        score -= check.weight;
        scoring.push({ name: check.name, points: check.weight });
      }
    }
    details.push({
      name: check.name,
      value: value ? 'true' : 'false',
      risk_level: check.riskLevel,
      risk_desc: skipped ? `${check.riskDesc} (not checked: ${skipped})` : check.riskDesc,
    });
  }
  return { details, score: Math.max(0, Math.min(100, score)), scoring };
}
