/** Child process for the benchmark: analyze a path and print a one-line JSON summary. */
import { analyzePath } from '../../src/engines/contract/index.js';

const started = performance.now();
const r = await analyzePath(process.argv[2]!);
console.log(
  JSON.stringify({
    files: r.summary.filesAnalyzed,
    lines: r.summary.linesAnalyzed,
    findings: r.findings.length,
    parseErrors: r.parseErrors.length,
    analysisMs: r.summary.durationMs,
    inProcessMs: Math.round(performance.now() - started),
    distribution: r.summary.issueSeverityDistribution,
  }),
);
