import { analyzeSources } from '../contract/analyze.js';
import type { Severity } from '../contract/report-types.js';
import type { SourceFiles } from '../contract/sources/types.js';
import type { AnalyzerSummary } from './types.js';

/** Runs Vigil's Solidity analyzer on a verified source bundle and summarizes it for the address report. */
export type SourceAnalyzer = (bundle: SourceFiles, signal?: AbortSignal) => Promise<AnalyzerSummary>;

/** Findings listed in the address report; the counts cover all of them. */
const LISTED = 10;
const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, informational: 4, gas: 5 };

/**
 * Counts findings by severity. Only findings of medium or high confidence count:
 * a low-confidence high-severity finding is a lead for an auditor, not a reason
 * to tell a wallet user that the contract is vulnerable.
 */
export function createSourceAnalyzer(): SourceAnalyzer {
  return async (bundle, signal) => {
    const report = await analyzeSources(bundle, { ...(signal ? { signal } : {}), threads: 1 });
    const summary: AnalyzerSummary = { critical: 0, high: 0, medium: 0, low: 0, findings: [] };
    const grouped = new Map<string, AnalyzerSummary['findings'][number]>();
    for (const f of report.findings) {
      if (f.confidence === 'low') continue;
      if (f.severity === 'informational' || f.severity === 'gas') continue;
      summary[f.severity] += 1;
      const entry = grouped.get(f.detector);
      if (entry) entry.count += 1;
      else grouped.set(f.detector, { detector: f.detector, title: f.title, severity: f.severity, count: 1 });
    }
    summary.findings = [...grouped.values()]
      .sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count)
      .slice(0, LISTED);
    return summary;
  };
}
