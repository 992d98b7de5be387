import { type ErrorCode, toVigilError } from '../../core/errors.js';

/**
 * CryptoWatchtower's documented statuses are 406 (x-api-key missing or expired) and 404 (invalid
 * token symbol/address). Every other error uses the nearest HTTP status. The body is the NestJS-style
 * `{statusCode, message, error}` the vendor's stack answers with (docs/api/cryptowatchtower.md).
 */
export interface WatchtowerError {
  statusCode: number;
  message: string;
  error: string;
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  AUTH_MISSING: 406,
  AUTH_INVALID: 406,
  AUTH_EXPIRED: 406,
  AUTH_REVOKED: 406,
  AUTH_AMBIGUOUS: 406,
  FORBIDDEN_ROLE: 403,
  INVALID_TARGET: 404,
  NOT_FOUND: 404,
  JOB_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SHUTTING_DOWN: 503,
  QUEUE_UNAVAILABLE: 503,
};

const REASON_PHRASE: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function toWatchtowerError(err: unknown): WatchtowerError {
  const e = toVigilError(err);
  const statusCode = STATUS_BY_CODE[e.code] ?? Math.min(e.status, 500);
  const message =
    statusCode === 406
      ? 'x-api-key is missing, invalid or expired'
      : statusCode === 500
        ? 'Internal server error'
        : e.message;
  return { statusCode, message, error: REASON_PHRASE[statusCode] ?? 'Error' };
}
