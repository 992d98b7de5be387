import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The SolidityScan "Private ThreatScan" WebSocket protocol: envelopes and
 * message names (seed 000 + docs/api/solidityscan.md).
 */

export const MESSAGE_TYPES = {
  register: 'auth_token_register',
  threatScan: 'private_threat_scan_initiate',
  quickScan: 'private_quick_scan_initiate',
  ping: 'ping',
} as const;

export const EVENT_TYPES = {
  register: 'auth_token_register',
  acknowledge: 'quick_scan_acknowledge',
  status: 'quick_scan_status',
  error: 'error',
  pong: 'pong',
} as const;

/** Exactly what the vendor's clients compare against. */
export const REGISTERED_MESSAGE = 'Auth token registered.';

export const SCAN_STATUS = {
  queued: 'scan_queued',
  inProgress: 'in_progress',
  done: 'scan_done',
  downloadFailed: 'download_failed',
  failed: 'scan_failed',
} as const;
export type ScanStatus = (typeof SCAN_STATUS)[keyof typeof SCAN_STATUS];

/** Client → server: `{"action":"message","payload":{"type":T,"body":{...}}}`. */
export const inboundEnvelope = z.object({
  action: z.literal('message'),
  payload: z.object({
    type: z.string().min(1).max(64),
    body: z.record(z.string(), z.unknown()).optional().default({}),
  }),
});
export type InboundEnvelope = z.infer<typeof inboundEnvelope>;

export const registerBody = z.object({ auth_token: z.string().min(1).max(512) });

export const scanInitiateBody = z.object({
  contract_address: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte hex address'),
  contract_platform: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be a platform name such as etherscan'),
  contract_chain: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be a chain name such as mainnet'),
  /** Vigil extension: a client-chosen id (32 hex) echoed as `request_uuid` on this scan's events. */
  request_uuid: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
});
export type ScanInitiateBody = z.infer<typeof scanInitiateBody>;

/** Server → client envelope. */
export interface OutboundEvent<P = Record<string, unknown>> {
  type: string;
  request_uuid: string;
  payload: P;
  event_timestamp: string;
}

/** 32 lowercase hex characters, like the vendor's UUIDs without dashes. */
export function newRequestUuid(): string {
  return randomBytes(16).toString('hex');
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` in UTC (microseconds, like the vendor's Python servers). */
export function eventTimestamp(epochMs: number = performance.timeOrigin + performance.now()): string {
  const wholeMs = Math.floor(epochMs);
  const iso = new Date(wholeMs).toISOString(); // 2024-04-19T11:37:17.854Z
  const micros = String(Math.floor((epochMs - wholeMs) * 1000))
    .padStart(3, '0')
    .slice(0, 3);
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}${micros}`;
}

export function outbound<P>(
  type: string,
  requestUuid: string,
  payload: P,
  epochMs?: number,
): OutboundEvent<P> {
  return { type, request_uuid: requestUuid, payload, event_timestamp: eventTimestamp(epochMs) };
}
