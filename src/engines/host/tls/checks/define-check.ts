import type { JsonValue } from '../../../../core/jobs/types.js';
import type { TlsObservation } from '../observe-tls.js';

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';
export type Confidence = 'low' | 'medium' | 'high';
export const SEVERITY_ORDER: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export interface TlsCheckContext {
  now: number;
  /** Days before expiry that count as "expiring soon". */
  expiringDays: number;
}

export interface TlsCheckHit {
  message: string;
  evidence?: Record<string, JsonValue>;
  /** Overrides the check's severity for this hit (e.g. MD5 is worse than SHA-1). */
  severity?: Severity;
}

export interface TlsCheckMeta {
  id: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  description: string;
  recommendation: string;
}

export interface TlsCheck extends TlsCheckMeta {
  evaluate(observation: TlsObservation, ctx: TlsCheckContext): TlsCheckHit | null;
}

/** Validates a check's metadata at load so a bad check fails every test, not one scan. */
export function defineTlsCheck(check: TlsCheck): TlsCheck {
  if (!/^tls-[a-z0-9-]+$/.test(check.id)) throw new Error(`TLS check id must look like tls-xxx: ${check.id}`);
  for (const key of ['title', 'description', 'recommendation'] as const) {
    if (check[key].trim().length < 8) throw new Error(`TLS check ${check.id}: ${key} is missing`);
  }
  if (!SEVERITY_ORDER.includes(check.severity)) throw new Error(`TLS check ${check.id}: bad severity`);
  return Object.freeze(check);
}
