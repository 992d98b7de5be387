import type { AnalysisReport } from '../report-types.js';
import { SEVERITIES } from '../report-types.js';

const esc = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderMarkdown(r: AnalysisReport): string {
  const out: string[] = ['# Vigil contract analysis', ''];
  out.push(
    `**Score:** ${r.summary.score}/100 · ${r.summary.filesAnalyzed} files · ${r.summary.linesAnalyzed} lines · ${r.summary.durationMs} ms`,
    '',
  );
  out.push('| Severity | Count |', '| --- | ---: |');
  for (const s of SEVERITIES) out.push(`| ${s} | ${r.summary.issueSeverityDistribution[s]} |`);
  out.push('');
  if (r.parseErrors.length > 0) {
    out.push('## Parse errors', '');
    for (const e of r.parseErrors) out.push(`- \`${e.file}:${e.line}:${e.column}\` ${esc(e.message)}`);
    out.push('');
  }
  out.push('## Findings', '');
  if (r.findings.length === 0) out.push('No findings.');
  for (const f of r.findings) {
    out.push(`### [${f.severity}] ${esc(f.title)} (\`${f.detector}\`)`, '');
    out.push(
      `\`${f.file}:${f.startLine}\` in \`${f.contract ?? ''}${f.function ? `.${f.function}` : ''}\` — ${esc(f.message)}`,
      '',
    );
    out.push('```solidity', f.snippet, '```', '');
    out.push(`**Recommendation:** ${f.recommendation}`, '');
  }
  return out.join('\n');
}
