import type { HostFinding, HostPortResult } from '../types.js';
import { TLS_CHECKS, type TlsCheck, type TlsCheckContext } from './checks/index.js';
import type { TlsObservation } from './observe-tls.js';

/** Rebuilds the observation the checks read from a port's stored TLS summary. */
export function observationOf(port: HostPortResult): TlsObservation | undefined {
  const t = port.tls;
  if (!t) return undefined;
  return {
    serverName: t.serverName,
    targetIsIp: t.serverName === port.address,
    protocol: t.protocol,
    cipher: t.cipher
      ? {
          name: t.cipher,
          version: t.protocol ?? '',
          ...(t.cipherStandardName ? { standardName: t.cipherStandardName } : {}),
        }
      : null,
    alpn: t.alpn,
    chain: t.chain,
    authorized: t.authorized,
    authorizationError: t.authorizationError,
    hostnameError: t.hostnameError,
    legacyProtocols: t.legacyProtocols,
  };
}

/** Runs every TLS check (or the given ones) against one port and returns findings. */
export function runTlsChecks(
  port: HostPortResult,
  ctx: TlsCheckContext,
  checks: readonly TlsCheck[] = TLS_CHECKS,
): HostFinding[] {
  const obs = observationOf(port);
  if (!obs) return [];
  const out: HostFinding[] = [];
  for (const check of checks) {
    const hit = check.evaluate(obs, ctx);
    if (!hit) continue;
    out.push({
      id: check.id,
      title: check.title,
      severity: hit.severity ?? check.severity,
      confidence: check.confidence,
      message: hit.message,
      recommendation: check.recommendation,
      address: port.address,
      port: port.port,
      evidence: hit.evidence ?? {},
    });
  }
  return out;
}
