import { type ErrorCode, isVigilError } from '../../core/errors.js';
import { signatureSubReason } from '../shared/signature-reasons.js';

/** Result codes of the URL-analysis API (seed 004): five digits, strings so leading zeros survive. */
export const URL_API_CODES = {
  /** Not in the seed (it lists error codes only); five zeros by analogy with seed 001's all-zero success code. */
  OK: '00000',
  VERIFY_SIGNATURE: '00001',
  VERIFY_SERVER_ERROR: '00002',
  DETECTION_ERROR: '00003',
} as const;
export type UrlApiCode = (typeof URL_API_CODES)[keyof typeof URL_API_CODES];

/** 00001 sub-reasons: the shared signature wordings, plus this face's mapping of the other auth codes. */
const SUB_REASON_EXTRA: Partial<Record<ErrorCode, string>> = {
  SIGNATURE_APPID_UNKNOWN: 'invalid appid',
  RATE_LIMITED: 'app is out of count limit',
  AUTH_REVOKED: 'invalid appid',
  AUTH_EXPIRED: 'appid has expired',
  FORBIDDEN_ROLE: 'invalid appid',
};

/** Errors thrown while verifying the signature: 00001 with the sub-reason, else 00002. */
export function verificationError(err: unknown): { code: UrlApiCode; message: string } {
  if (isVigilError(err)) {
    const reason = signatureSubReason(err.code, SUB_REASON_EXTRA);
    if (reason) return { code: URL_API_CODES.VERIFY_SIGNATURE, message: `verify signature error: ${reason}` };
  }
  return {
    code: URL_API_CODES.VERIFY_SERVER_ERROR,
    message: 'unknown server error occurred during verifying signature',
  };
}

export function detectionError(detail?: string): { code: UrlApiCode; message: string } {
  return {
    code: URL_API_CODES.DETECTION_ERROR,
    message: `unknown server error occurred during detection${detail ? `: ${detail}` : ''}`,
  };
}
