import { type ErrorCode, isVigilError } from '../../core/errors.js';
import { signatureSubReason } from '../shared/signature-reasons.js';

/** Result codes of the address-security API (seed 001), kept as strings so leading zeros survive. */
export const HASHDIT_CODES = {
  OK: '000000000',
  DETECTION_ERROR: '000001',
  REQUEST_LIMIT: '000002',
  UNKNOWN_APPID: '000003',
  SIGNATURE_NULL: '000004',
  VERIFY_SIGNATURE: '000005',
  /** Vigil's addition (the seed has none): the body is not `{chain_id, address}` or the chain is not served. */
  INVALID_REQUEST: '000006',
} as const;
export type HashditCode = (typeof HASHDIT_CODES)[keyof typeof HASHDIT_CODES];

export interface HashditError {
  code: HashditCode;
  message: string;
}

/** 000005 sub-reasons: the shared signature wordings; unknown appids have their own code (000003). */
const verifyReason = (code: ErrorCode): string | undefined =>
  code === 'SIGNATURE_APPID_UNKNOWN' ? undefined : signatureSubReason(code);

/**
 * Maps any error onto the seed's codes:
 * - only X-Signature-signature missing → 000004; any other header missing → 000005 with the sub-reason;
 * - unknown appid → 000003; per-minute rate limit → 000002;
 * - every other signature failure, including the lifetime count limit → 000005 with the sub-reason;
 * - invalid input / unsupported chain → 000006 (Vigil's own);
 * - anything else → 000001.
 */
export function toHashditError(err: unknown): HashditError {
  if (!isVigilError(err)) {
    return { code: HASHDIT_CODES.DETECTION_ERROR, message: 'unknown server error occurred during detection' };
  }
  switch (err.code) {
    case 'SIGNATURE_HEADERS_MISSING': {
      const missing = (err.details?.missing ?? {}) as Record<string, boolean>;
      const onlySignature =
        missing.signature === true && !missing.appid && !missing.timestamp && !missing.nonce;
      return onlySignature
        ? { code: HASHDIT_CODES.SIGNATURE_NULL, message: "X-Signature-signature header can't be null" }
        : {
            code: HASHDIT_CODES.VERIFY_SIGNATURE,
            message: `verify signature error: ${verifyReason('SIGNATURE_HEADERS_MISSING')}`,
          };
    }
    case 'SIGNATURE_APPID_UNKNOWN':
      return { code: HASHDIT_CODES.UNKNOWN_APPID, message: 'unknown appId' };
    case 'RATE_LIMITED':
      return { code: HASHDIT_CODES.REQUEST_LIMIT, message: 'Number of requests exceeded limit' };
    case 'VALIDATION_FAILED':
    case 'MALFORMED_JSON':
    case 'INVALID_TARGET':
    case 'UNSUPPORTED_CHAIN':
    case 'PAYLOAD_TOO_LARGE':
    case 'UNSUPPORTED_MEDIA_TYPE':
      return { code: HASHDIT_CODES.INVALID_REQUEST, message: `invalid request: ${err.message}` };
    default: {
      const reason = verifyReason(err.code);
      if (reason)
        return { code: HASHDIT_CODES.VERIFY_SIGNATURE, message: `verify signature error: ${reason}` };
      return {
        code: HASHDIT_CODES.DETECTION_ERROR,
        message: `unknown server error occurred during detection: ${err.message}`,
      };
    }
  }
}
