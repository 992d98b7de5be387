import { createHash } from 'node:crypto';
import type { AnalysisReport, Confidence, Finding, Severity } from '../../engines/contract/report-types.js';
import { SEVERITIES } from '../../engines/contract/report-types.js';
import type { ContractSourceMeta } from '../../engines/contract/sources/types.js';

/** What the contract engine returns for an explorer target: the report plus what the explorer said. */
export interface ContractScanResultLike {
  findings: Finding[];
  summary: AnalysisReport['summary'];
  source?: Partial<ContractSourceMeta> | null;
}

/** The vendor's confidence scale: numeric strings, higher is surer. */
const CONFIDENCE_LEVEL: Record<Confidence, string> = { low: '0', medium: '1', high: '2' };

/** `reentrancy-eth` → `REENTRANCY_ETH`, the vendor's issue id style. */
export function issueId(detector: string): string {
  return detector.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

/** Paths are absolute-looking in the vendor's reports. */
export function vendorPath(file: string): string {
  return file.startsWith('/') ? file : `/${file}`;
}

export function projectId(target: string): string {
  return createHash('sha256').update(`project:${target.toLowerCase()}`).digest('hex').slice(0, 32);
}

const fixed2 = (n: number): string => (Math.round(n * 100) / 100).toFixed(2);

/**
 * threat_score (0-100, higher is safer): the share of the detectors run that
 * found nothing at medium severity or above, like the vendor's "checks passed"
 * ratio. score_v2 is the engine's security score; score is the same on 0-5.
 */
export function scores(result: Pick<ContractScanResultLike, 'findings' | 'summary'>): {
  score: string;
  score_v2: string;
  threat_score: string;
} {
  const security = result.summary.score;
  const serious = new Set<Severity>(['critical', 'high', 'medium']);
  const ran = result.summary.detectorsRun.length;
  const fired = new Set(result.findings.filter((f) => serious.has(f.severity)).map((f) => f.detector)).size;
  const threat = ran === 0 ? 100 : (100 * (ran - fired)) / ran;
  return { score: fixed2(security / 20), score_v2: fixed2(security), threat_score: fixed2(threat) };
}

export interface MultiFileScanSummary {
  issue_severity_distribution: Record<Severity, number>;
  issues_count: number;
  count_files_analyzed: number;
  lines_analyzed_count: number;
  scan_time_taken: number;
  scans_ran: string[];
  score: string;
  score_v2: string;
  threat_score: string;
}

export function multiFileScanSummary(
  result: ContractScanResultLike,
  scanTimeSeconds: number,
): MultiFileScanSummary {
  const dist = Object.fromEntries(
    SEVERITIES.map((s) => [s, result.summary.issueSeverityDistribution[s] ?? 0]),
  ) as Record<Severity, number>;
  return {
    issue_severity_distribution: dist,
    issues_count: result.findings.length,
    count_files_analyzed: result.summary.filesAnalyzed,
    lines_analyzed_count: result.summary.linesAnalyzed,
    scan_time_taken: Math.max(0, Math.round(scanTimeSeconds)),
    scans_ran: result.summary.detectorsRun.map(issueId),
    ...scores(result),
  };
}

export interface FindingLocation {
  file_path: string;
  line_nos_start: number[];
  line_nos_end: number[];
  /** Vigil extension: the source lines the finding points at. */
  snippet: string;
  /** Vigil extension: 1-based columns. */
  column_nos_start: number[];
  column_nos_end: number[];
}

export interface MetricFinding {
  bug_id: string;
  bug_hash: string;
  bug_status: 'pending';
  description_details: { function_name?: string; contract_name?: string; message: string };
  findings: FindingLocation[];
}

export interface ScanDetailEntry {
  issue_id: string;
  no_of_findings: string;
  template_details: {
    issue_id: string;
    issue_name: string;
    issue_severity: Severity;
    issue_confidence: string;
    issue_description: string;
    issue_remediation: string;
    static_issue_description: string;
    /** Vigil extension: the detector id as Vigil's docs and CLI name it. */
    vigil_detector: string;
  };
  metric_wise_aggregated_findings: MetricFinding[];
}

/** One entry per detector that fired, most severe first, findings in report order. */
export function multiFileScanDetails(findings: readonly Finding[]): ScanDetailEntry[] {
  const byDetector = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byDetector.get(f.detector);
    if (list) list.push(f);
    else byDetector.set(f.detector, [f]);
  }
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  return [...byDetector.entries()]
    .sort(([a, fa], [b, fb]) => rank(fa[0]!.severity) - rank(fb[0]!.severity) || a.localeCompare(b))
    .map(([detector, list]) => {
      const first = list[0]!;
      const id = issueId(detector);
      return {
        issue_id: id,
        no_of_findings: String(list.length),
        template_details: {
          issue_id: id,
          issue_name: first.title,
          issue_severity: first.severity,
          issue_confidence: CONFIDENCE_LEVEL[first.confidence],
          issue_description: first.description,
          issue_remediation: first.recommendation,
          static_issue_description: first.description,
          vigil_detector: detector,
        },
        metric_wise_aggregated_findings: list.map((f) => ({
          bug_id: f.fingerprint.slice(0, 16),
          bug_hash: f.fingerprint,
          bug_status: 'pending' as const,
          description_details: {
            ...(f.function ? { function_name: f.function } : {}),
            ...(f.contract ? { contract_name: f.contract } : {}),
            message: f.message,
          },
          findings: [
            {
              file_path: vendorPath(f.file),
              line_nos_start: [f.startLine],
              line_nos_end: [f.endLine],
              snippet: f.snippet,
              column_nos_start: [f.startColumn],
              column_nos_end: [f.endColumn],
            },
          ],
        })),
      };
    });
}

export interface ScanDetailsInput {
  scanId: string;
  platform: string;
  chain: string;
  address: string;
  contractUrl: string;
  currency: string;
  scanTimeSeconds: number;
}

/** The final `scan_details`: every field of seed 000 plus the fields official clients read. */
export function scanDetails(result: ContractScanResultLike, input: ScanDetailsInput) {
  const src = result.source ?? {};
  return {
    compilerversion: src.compilerVersion ?? '',
    connection_id: '',
    contract_address: input.address,
    contract_chain: input.chain,
    contract_implementation_address: src.implementationAddress ?? '',
    contract_platform: input.platform,
    contract_url: input.contractUrl,
    contractname: src.contractName ?? '',
    currency: input.currency,
    evmversion: src.evmVersion || 'Default',
    is_quick_scan: true,
    licensetype: src.licenseType || 'None',
    multi_file_scan_status: 'scan_done',
    multi_file_scan_summary: multiFileScanSummary(result, input.scanTimeSeconds),
    multi_file_scan_details: multiFileScanDetails(result.findings),
    client_credit_system: 'loc',
    scan_type: 'block',
    scan_id: input.scanId,
    scan_status: 'scan_done',
  };
}
export type ScanDetails = ReturnType<typeof scanDetails>;
