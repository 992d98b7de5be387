import type { JsonValue } from '../../core/jobs/types.js';
import type { DetectedService } from './probes/detect-service.js';
import type { FilteredPort } from './scan/tcp-connect-scan.js';
import type { CertificateInfo } from './tls/certificate.js';
import type { Confidence, Severity } from './tls/checks/define-check.js';

export interface HostTlsSummary {
  /** Name the certificate was checked against (host name target, else the IP). */
  serverName: string;
  protocol: string | null;
  cipher: string | null;
  cipherStandardName: string | null;
  alpn: string | null;
  authorized: boolean;
  authorizationError: string | null;
  hostnameError: string | null;
  legacyProtocols: { TLSv1: boolean; 'TLSv1.1': boolean };
  /** Leaf first, as verified. */
  chain: CertificateInfo[];
}

export interface HostFinding {
  /** Check id (tls-cert-expired, ...). */
  id: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  message: string;
  recommendation: string;
  address: string;
  port: number;
  evidence: Record<string, JsonValue>;
}

export interface HostPortResult {
  address: string;
  port: number;
  protocol: 'tcp';
  state: 'open';
  latencyMs: number;
  service: DetectedService | null;
  tls: HostTlsSummary | null;
  tlsError?: string;
}

export interface HostAddressResult {
  address: string;
  family: 4 | 6;
  scanned: number;
  open: number;
  closed: number;
  /** Up to 100 filtered ports; `filteredCount` has the total. */
  filtered: FilteredPort[];
  filteredCount: number;
  selfConnects: number[];
  durationMs: number;
  threads: number;
  peakConcurrency: number;
}

export interface HostScanResult {
  /** Normalized target (IP literal or lower-case host name). */
  target: string;
  targetKind: 'ip' | 'hostname';
  portSpec: string;
  addresses: HostAddressResult[];
  ports: HostPortResult[];
  findings: HostFinding[];
  summary: {
    openPorts: number;
    identifiedServices: number;
    tlsServices: number;
    findings: Record<Severity, number>;
  };
  timings: { resolveMs: number; portScanMs: number; serviceMs: number; totalMs: number };
  startedAt: string;
  finishedAt: string;
}
