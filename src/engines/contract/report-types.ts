/**
 * Public result types of the contract engine. Shared with the WebSocket face
 * (SolidityScan-compatible) and the CLI; fields may be added, never renamed or removed.
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'informational' | 'gas';
export type Confidence = 'high' | 'medium' | 'low';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'informational', 'gas'];

/** Multi-file input: paths (as imports name them) to file contents. */
export interface SourceBundle {
  files: Record<string, string>;
  remappings?: string[];
  entry?: string;
  compilerVersion?: string;
}

export interface DetectorMeta {
  id: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  description: string;
  recommendation: string;
  references: string[];
  swc?: string;
  category: string;
}

export interface Finding {
  detector: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  description: string;
  recommendation: string;
  message: string;
  file: string;
  /** 1-based lines and columns. */
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
  snippet: string;
  contract?: string;
  function?: string;
  /** Stable across unrelated edits: detector, file, contract, function and normalized snippet. */
  fingerprint: string;
}

export interface ParseIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface AnalysisReport {
  findings: Finding[];
  summary: {
    issueSeverityDistribution: Record<Severity, number>;
    score: number;
    filesAnalyzed: number;
    linesAnalyzed: number;
    durationMs: number;
    detectorsRun: string[];
  };
  parseErrors: ParseIssue[];
  contracts: { name: string; kind: 'contract' | 'interface' | 'library' | 'abstract'; file: string }[];
  pragmas: { file: string; pragma: string }[];
}
