import { TOKEN_CHECKS } from '../checks/registry.js';
import type { Severity, TokenCheck, TokenEvidence } from '../checks/types.js';

/** One check's verdict as it appears in the result (`factors`). */
export interface Factor {
  id: string;
  title: string;
  severity: Severity;
  /** `triggered` counts against the rating; `unknown` means the evidence was missing. */
  status: 'triggered' | 'passed' | 'unknown';
  value: string | number | boolean | null;
  detail: string;
  /** Points taken off 10 by this factor (0 unless triggered). */
  penalty: number;
  /** Ceiling this factor puts on the rating, when triggered. */
  cap: number | null;
}

export type RiskBand = 'low' | 'medium' | 'high';

export interface TokenScore {
  /** 0-10, higher is safer (seed: 7-10 low risk, 4-6 medium, 0-3 high). */
  riskRating: number;
  band: RiskBand;
  factors: Factor[];
}

export function bandOf(rating: number): RiskBand {
  return rating >= 7 ? 'low' : rating >= 4 ? 'medium' : 'high';
}

/**
 * riskRating = min(10 − Σ penalties, lowest cap), clamped to 0-10 and rounded to an integer.
 * Every check appears in `factors`, so the arithmetic is visible.
 */
export function scoreToken(
  evidence: TokenEvidence,
  checks: readonly TokenCheck[] = TOKEN_CHECKS,
): TokenScore {
  const factors: Factor[] = checks.map((check) => {
    const outcome = check.evaluate(evidence);
    const base = { id: check.id, title: check.title, severity: check.severity };
    if (!outcome)
      return {
        ...base,
        status: 'unknown',
        value: null,
        detail: 'not enough evidence',
        penalty: 0,
        cap: null,
      };
    const weight = check.weights[Math.min(outcome.level ?? 0, check.weights.length - 1)] ?? check.weights[0];
    return {
      ...base,
      status: outcome.triggered ? 'triggered' : 'passed',
      value: outcome.value,
      detail: outcome.detail,
      penalty: outcome.triggered ? (weight?.penalty ?? 0) : 0,
      cap: outcome.triggered ? (weight?.cap ?? null) : null,
    };
  });
  const afterPenalties = 10 - factors.reduce((s, f) => s + f.penalty, 0);
  const cap = Math.min(10, ...factors.map((f) => f.cap ?? 10));
  const riskRating = Math.max(0, Math.min(10, Math.round(Math.min(afterPenalties, cap))));
  return { riskRating, band: bandOf(riskRating), factors };
}
