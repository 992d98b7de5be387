import { VigilError } from '../../../core/errors.js';
import type { AnalysisReport, Severity } from '../report-types.js';

const RANK: Record<Severity, number> = { gas: 0, informational: 1, low: 2, medium: 3, high: 4, critical: 5 };

/** Whether any finding is at or above `level` (for `--fail-on`). */
export function reportExceeds(r: AnalysisReport, level: string): boolean {
  const l = level.toLowerCase() as Severity;
  if (!Object.hasOwn(RANK, l)) {
    throw new VigilError('VALIDATION_FAILED', `--fail-on must be one of ${Object.keys(RANK).join(', ')}`);
  }
  return r.findings.some((f) => RANK[f.severity] >= RANK[l]);
}
