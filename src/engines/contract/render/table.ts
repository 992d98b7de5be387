import type { AnalysisReport } from '../report-types.js';
import { SEVERITIES } from '../report-types.js';

function pad(s: string, n: number): string {
  return s.length >= n ? `${s.slice(0, n - 1)}…` : s + ' '.repeat(n - s.length);
}

/** Terminal table: one row per finding, then the summary. */
export function renderTable(r: AnalysisReport): string {
  const rows = r.findings.map(
    (f) =>
      `${pad(f.severity.toUpperCase(), 14)}${pad(f.detector, 32)}${pad(`${f.file}:${f.startLine}:${f.startColumn}`, 48)}${f.contract ?? ''}${f.function ? `.${f.function}` : ''}  ${f.message}`,
  );
  const dist = SEVERITIES.map((s) => `${s} ${r.summary.issueSeverityDistribution[s]}`).join(' · ');
  const errors = r.parseErrors.map((e) => `parse error ${e.file}:${e.line}:${e.column} ${e.message}`);
  return [
    `${pad('SEVERITY', 14)}${pad('DETECTOR', 32)}${pad('LOCATION', 48)}WHERE / MESSAGE`,
    ...rows,
    '',
    ...errors,
    `score ${r.summary.score}/100 · ${dist}`,
    `${r.summary.filesAnalyzed} files, ${r.summary.linesAnalyzed} lines in ${r.summary.durationMs} ms`,
  ].join('\n');
}
