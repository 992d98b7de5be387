import type { Finding, Severity } from './report-types.js';

/**
 * Security score 0-100 (documented in docs/scoring.md, section "contract"):
 * each finding multiplies the score by (1 - weight(severity) * confidenceFactor).
 */
export const SEVERITY_WEIGHT: Record<Severity, number> = {
  critical: 0.3,
  high: 0.15,
  medium: 0.05,
  low: 0.01,
  informational: 0,
  gas: 0,
};
export const CONFIDENCE_FACTOR = { high: 1, medium: 0.75, low: 0.5 } as const;

export function securityScore(findings: readonly Finding[]): number {
  let s = 1;
  for (const f of findings) s *= 1 - SEVERITY_WEIGHT[f.severity] * CONFIDENCE_FACTOR[f.confidence];
  return Math.round(s * 1000) / 10;
}
