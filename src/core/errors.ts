/**
 * Every error Vigil raises on purpose carries a stable code from this catalog.
 * The unified API answers `{error: {code, message, details?, requestId}}` with the
 * catalog's HTTP status; each vendor face translates codes into its own envelope.
 * `docs/errors.md` is checked against this catalog by a test.
 */
export interface ErrorSpec {
  /** HTTP status used by the unified API. */
  readonly status: number;
  /** Short, human message used when the thrower gives none. */
  readonly message: string;
  /** Whether a job failing with this code may be retried automatically. */
  readonly retryable?: boolean;
}

export const ERROR_CATALOG = {
  // --- request shape -------------------------------------------------------
  VALIDATION_FAILED: { status: 400, message: 'The request did not pass validation.' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than allowed.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request content type is not supported.' },
  NOT_FOUND: { status: 404, message: 'The requested resource does not exist.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed.' },

  // --- authentication and authorization -----------------------------------
  AUTH_MISSING: { status: 401, message: 'No credentials were supplied.' },
  AUTH_INVALID: { status: 401, message: 'The credentials are not valid.' },
  AUTH_REVOKED: { status: 401, message: 'The credentials have been revoked.' },
  AUTH_EXPIRED: { status: 401, message: 'The credentials have expired.' },
  AUTH_AMBIGUOUS: { status: 400, message: 'Use exactly one authentication method per request.' },
  FORBIDDEN_ROLE: { status: 403, message: 'The app lacks the role this operation requires.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; slow down.' },
  QUOTA_EXCEEDED: { status: 429, message: 'The app has used its request quota.' },

  // --- signed requests (HashDit-style faces) --------------------------------
  SIGNATURE_HEADERS_MISSING: {
    status: 401,
    message: 'appid, timestamp, nonce, signature headers can not be null or empty',
  },
  SIGNATURE_NONCE_ILLEGAL: { status: 401, message: 'nonce is illegal' },
  SIGNATURE_TIMESTAMP_ILLEGAL: { status: 401, message: 'timestamp has illegal' },
  SIGNATURE_TIMESTAMP_EXPIRED: { status: 401, message: 'timestamp is expired' },
  SIGNATURE_APPID_UNKNOWN: { status: 401, message: 'unknown appId' },
  SIGNATURE_APPID_INVALID: { status: 401, message: 'invalid appid' },
  SIGNATURE_APPID_EXPIRED: { status: 401, message: 'appid has expired' },
  SIGNATURE_INVALID: { status: 401, message: 'invalid signature' },
  SIGNATURE_REPLAYED: { status: 401, message: 'replay request' },
  SIGNATURE_COUNT_LIMIT: { status: 429, message: 'app is out of count limit' },

  // --- jobs ----------------------------------------------------------------
  UNKNOWN_KIND: { status: 400, message: 'No engine is registered for this scan kind.' },
  INVALID_TARGET: { status: 400, message: 'The scan target is not valid for this kind.' },
  TARGET_DENIED: { status: 403, message: 'The target is outside the allowed target policy.' },
  JOB_NOT_FOUND: { status: 404, message: 'No scan job with this id.' },
  JOB_NOT_CANCELLABLE: { status: 409, message: 'The job has already finished.' },
  CANCELLED: { status: 409, message: 'The job was cancelled.' },
  JOB_TIMEOUT: { status: 504, message: 'The job exceeded its time limit.', retryable: false },
  WORKER_LOST: { status: 500, message: 'The worker running the job stopped repeatedly.' },
  ENGINE_FAILED: { status: 500, message: 'The scan engine failed.' },
  SHUTTING_DOWN: { status: 503, message: 'The server is shutting down.' },
  QUEUE_UNAVAILABLE: { status: 503, message: 'The job queue is unavailable.', retryable: true },

  // --- outside I/O engines depend on ---------------------------------------
  UPSTREAM_UNAVAILABLE: { status: 502, message: 'An upstream service is unreachable.', retryable: true },
  UPSTREAM_RATE_LIMITED: { status: 502, message: 'An upstream service rate-limited Vigil.', retryable: true },
  RPC_UNAVAILABLE: { status: 502, message: 'No configured RPC endpoint answered.', retryable: true },
  UNSUPPORTED_CHAIN: { status: 400, message: 'The chain is not configured.' },
  CONTRACT_NOT_VERIFIED: { status: 404, message: 'No verified source code was found for the contract.' },
  UNKNOWN_MESSAGE_TYPE: { status: 400, message: 'The message type is not supported.' },

  // --- configuration and internals -----------------------------------------
  CONFIG_INVALID: { status: 500, message: 'The configuration is not valid.' },
  INTERNAL: { status: 500, message: 'An internal error occurred.' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOG, code);
}

export interface VigilErrorOptions {
  details?: Record<string, unknown>;
  cause?: unknown;
  /** Overrides the catalog's retryable flag for this instance. */
  retryable?: boolean;
}

export class VigilError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message?: string, options: VigilErrorOptions = {}) {
    const spec: ErrorSpec = ERROR_CATALOG[code];
    super(message ?? spec.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VigilError';
    this.code = code;
    this.status = spec.status;
    this.details = options.details;
    this.retryable = options.retryable ?? spec.retryable ?? false;
  }

  get docs(): string {
    return `docs/errors.md#${this.code.toLowerCase().replaceAll('_', '-')}`;
  }

  toJSON(): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isVigilError(err: unknown): err is VigilError {
  return err instanceof VigilError;
}

/** Wraps anything thrown into a VigilError, keeping VigilErrors as they are. */
export function toVigilError(err: unknown, fallback: ErrorCode = 'INTERNAL'): VigilError {
  if (err instanceof VigilError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new VigilError(fallback, message, { cause: err });
}
