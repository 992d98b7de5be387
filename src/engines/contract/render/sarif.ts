import type { Log, ReportingDescriptor } from 'sarif';
import { listDetectors } from '../analyze.js';
import type { AnalysisReport, Severity } from '../report-types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  informational: 'note',
  gas: 'note',
};
/** GitHub code scanning orders alerts by this 0-10 score. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  informational: '1.0',
  gas: '0.5',
};

/** SARIF 2.1.0 log usable by GitHub code scanning (partialFingerprints keep alert identity). */
export function renderSarif(r: AnalysisReport, version = '0.1.0'): Log {
  const detectors = listDetectors().filter((d) => r.summary.detectorsRun.includes(d.id));
  const index = new Map(detectors.map((d, i) => [d.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vigil',
            informationUri: 'https://github.com/vigil/vigil/blob/main/docs/detectors.md',
            semanticVersion: version,
            rules: detectors.map(
              (d): ReportingDescriptor => ({
                id: d.id,
                name: d.title
                  .replace(/[^A-Za-z0-9]+/g, ' ')
                  .trim()
                  .replace(/ (\w)/g, (_, c: string) => c.toUpperCase()),
                shortDescription: { text: d.title },
                fullDescription: { text: d.description },
                help: {
                  text: d.recommendation,
                  markdown: `${d.recommendation}\n\n${d.references.map((x) => `- ${x}`).join('\n')}`,
                },
                helpUri:
                  d.references[0] ?? `https://github.com/vigil/vigil/blob/main/docs/detectors.md#${d.id}`,
                defaultConfiguration: { level: LEVEL[d.severity] },
                properties: {
                  tags: ['security', d.category, ...(d.swc ? [d.swc] : [])],
                  precision: d.confidence === 'high' ? 'high' : d.confidence === 'medium' ? 'medium' : 'low',
                  'security-severity': SECURITY_SEVERITY[d.severity],
                },
              }),
            ),
          },
        },
        artifacts: [...new Set(r.findings.map((f) => f.file))].map((file) => ({ location: { uri: file } })),
        results: r.findings.map((f) => ({
          ruleId: f.detector,
          ruleIndex: index.get(f.detector) ?? 0,
          level: LEVEL[f.severity],
          message: {
            text: `${f.message}${f.contract ? ` (${f.contract}${f.function ? `.${f.function}` : ''})` : ''}`,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file },
                region: {
                  startLine: f.startLine,
                  startColumn: f.startColumn,
                  endLine: f.endLine,
                  endColumn: f.endColumn,
                  snippet: { text: f.snippet },
                },
              },
              ...(f.contract
                ? {
                    logicalLocations: [
                      {
                        name: f.function ?? f.contract,
                        fullyQualifiedName: f.function ? `${f.contract}.${f.function}` : f.contract,
                        kind: f.function ? 'function' : 'type',
                      },
                    ],
                  }
                : {}),
            },
          ],
          partialFingerprints: { 'vigilFingerprint/v1': f.fingerprint },
        })),
      },
    ],
  };
}
