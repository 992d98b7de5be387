import { setMaxListeners } from 'node:events';
import { VigilError } from '../../core/errors.js';
import type { TargetPolicy } from '../../core/net/target-policy.js';
import type { HostScanOptions } from './options.js';
import { parsePortSpec } from './ports/port-spec.js';
import { detectService } from './probes/detect-service.js';
import { loadProbeDb, type ProbeDb } from './probes/probe-db.js';
import { scanTcpPorts } from './scan/tcp-connect-scan.js';
import { runTlsChecks } from './tls/run-checks.js';
import type {
  HostAddressResult,
  HostFinding,
  HostPortResult,
  HostScanResult,
  HostTlsSummary,
} from './types.js';

export interface HostScanDeps {
  policy: TargetPolicy;
  probes?: ProbeDb;
  now?: () => number;
  signal?: AbortSignal;
  progress?: (percent: number, step?: string) => void;
  /** Extra trusted roots for TLS verification (PEM). */
  ca?: string[];
}

const MAX_FILTERED_LISTED = 100;

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await fn(items[index] as T);
    }
  });
  await Promise.all(workers);
  return out;
}

/**
 * The host scan without the job system: resolve and check the target, TCP
 * connect scan of every address, service detection and TLS analysis on every
 * open port, TLS checks into findings.
 */
export async function scanHost(
  target: string,
  options: HostScanOptions,
  deps: HostScanDeps,
): Promise<HostScanResult> {
  const now = deps.now ?? Date.now;
  const progress = deps.progress ?? (() => {});
  const probes = deps.probes ?? loadProbeDb();
  const started = performance.now();
  const startedAt = new Date(now()).toISOString();
  // Every probe connection listens for cancellation; dozens run at once by design.
  if (deps.signal) setMaxListeners(0, deps.signal);
  progress(1, 'resolve');
  const resolved = await deps.policy.resolveAndCheck(target);
  const resolveMs = performance.now() - started;
  const ports = parsePortSpec(options.ports);

  const total = ports.length * resolved.addresses.length;
  const addresses: HostAddressResult[] = [];
  const open: Array<{ address: string; port: number; latencyMs: number }> = [];
  const scanStarted = performance.now();
  let doneBefore = 0;
  for (const checked of resolved.addresses) {
    if (deps.signal?.aborted) throw new VigilError('CANCELLED');
    const scan = await scanTcpPorts(deps.policy, checked.address, {
      ports,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.maxConcurrency !== undefined ? { maxConcurrency: options.maxConcurrency } : {}),
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
      onProgress: (done) => progress(2 + Math.floor(((doneBefore + done) / total) * 58), 'ports'),
    });
    if (scan.aborted) throw new VigilError('CANCELLED');
    doneBefore += ports.length;
    addresses.push({
      address: scan.address,
      family: scan.family,
      scanned: scan.scanned,
      open: scan.open.length,
      closed: scan.closed,
      filtered: scan.filtered.slice(0, MAX_FILTERED_LISTED),
      filteredCount: scan.filtered.length,
      selfConnects: scan.selfConnects,
      durationMs: scan.durationMs,
      threads: scan.threads,
      peakConcurrency: scan.peakConcurrency,
    });
    for (const p of scan.open) open.push({ address: scan.address, port: p.port, latencyMs: p.latencyMs });
  }
  const portScanMs = performance.now() - scanStarted;

  const serviceStarted = performance.now();
  progress(60, 'services');
  let finished = 0;
  const hostName = resolved.kind === 'hostname' ? resolved.target : '';
  const results: HostPortResult[] = await mapLimit(open, options.serviceConcurrency, async (p) => {
    const base: HostPortResult = {
      address: p.address,
      port: p.port,
      protocol: 'tcp',
      state: 'open',
      latencyMs: p.latencyMs,
      service: null,
      tls: null,
    };
    if (!options.serviceDetection || deps.signal?.aborted) return base;
    const detected = await detectService({
      policy: deps.policy,
      probes,
      address: p.address,
      port: p.port,
      hostName: hostName || p.address,
      targetIsIp: resolved.kind === 'ip',
      rttMs: p.latencyMs,
      connectTimeoutMs: options.timeoutMs ?? 3000,
      ...(options.bannerWaitMs !== undefined ? { bannerWaitMs: options.bannerWaitMs } : {}),
      ...(options.probeWaitMs !== undefined ? { probeWaitMs: options.probeWaitMs } : {}),
      tls: { enabled: options.tls, testLegacy: options.legacyTls, ...(deps.ca ? { ca: deps.ca } : {}) },
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    finished++;
    progress(60 + Math.floor((finished / Math.max(1, open.length)) * 35), 'services');
    base.service = detected.service;
    if (detected.tls) {
      const t = detected.tls;
      const summary: HostTlsSummary = {
        serverName: t.serverName,
        protocol: t.protocol,
        cipher: t.cipher?.name ?? null,
        cipherStandardName: t.cipher?.standardName ?? null,
        alpn: t.alpn,
        authorized: t.authorized,
        authorizationError: t.authorizationError,
        hostnameError: t.hostnameError,
        legacyProtocols: t.legacyProtocols,
        chain: t.chain,
      };
      base.tls = summary;
    }
    if (detected.tlsError) base.tlsError = detected.tlsError;
    return base;
  });
  if (deps.signal?.aborted) throw new VigilError('CANCELLED');
  const serviceMs = performance.now() - serviceStarted;

  progress(95, 'findings');
  const findings: HostFinding[] = [];
  for (const port of results) {
    if (!port.tls) continue;
    findings.push(...runTlsChecks(port, { now: now(), expiringDays: options.expiringDays }));
  }
  const bySeverity = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  return {
    target: resolved.target,
    targetKind: resolved.kind,
    portSpec: String(options.ports),
    addresses,
    ports: results,
    findings,
    summary: {
      openPorts: results.length,
      identifiedServices: results.filter((p) => p.service?.identified).length,
      tlsServices: results.filter((p) => p.tls).length,
      findings: bySeverity,
    },
    timings: {
      resolveMs: Math.round(resolveMs),
      portScanMs: Math.round(portScanMs),
      serviceMs: Math.round(serviceMs),
      totalMs: Math.round(performance.now() - started),
    },
    startedAt,
    finishedAt: new Date(now()).toISOString(),
  };
}
