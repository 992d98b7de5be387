import type { ErrorCode } from '../../core/errors.js';
import { SCAN_STATUS, type ScanStatus } from './protocol.js';

/** Failures that happen while getting the source are `download_failed`; the rest `scan_failed`. */
const DOWNLOAD_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'CONTRACT_NOT_VERIFIED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_RATE_LIMITED',
  'UNSUPPORTED_CHAIN',
  'INVALID_TARGET',
]);

export function failureStatus(code: string): ScanStatus {
  return DOWNLOAD_CODES.has(code) ? SCAN_STATUS.downloadFailed : SCAN_STATUS.failed;
}

export interface ErrorPayload {
  error_code: string;
  error_message: string;
  /** The nesting some official clients read (`payload.payload.error_message.message`). */
  payload: { error_message: { code: string; message: string } };
  [key: string]: unknown;
}

export function errorPayload(
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): ErrorPayload {
  return {
    error_code: code,
    error_message: message,
    ...extra,
    payload: { error_message: { code, message } },
  };
}
