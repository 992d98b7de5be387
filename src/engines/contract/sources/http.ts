import { VigilError } from '../../../core/errors.js';
import type { FetchFn } from './types.js';

export interface HttpRetryOptions {
  fetch?: FetchFn;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt, for network errors, 5xx and rate limits. */
  maxRetries?: number;
  /** First backoff when the upstream gives no Retry-After; doubles per retry. */
  baseDelayMs?: number;
  /** A Retry-After longer than this fails at once with UPSTREAM_RATE_LIMITED instead of holding the job. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface JsonResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface JsonRequest {
  url: URL;
  /** Names the upstream in error messages (e.g. `etherscan mainnet`). */
  upstream: string;
  signal?: AbortSignal;
  /** Some APIs (Etherscan) signal rate limits in a 200 body; return true to treat the body as a 429. */
  isRateLimited?: (body: unknown) => boolean;
}

const DEFAULTS = { timeoutMs: 15_000, maxRetries: 3, baseDelayMs: 1_000, maxRetryAfterMs: 30_000 };

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function cancelled(): VigilError {
  return new VigilError('CANCELLED', 'The source fetch was cancelled.');
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * GETs JSON with per-attempt timeouts, backoff on network errors and 5xx, and
 * Retry-After-aware waits on rate limits. Non-retryable statuses (4xx other
 * than 429) are returned to the caller, which knows what they mean.
 */
export async function getJson(req: JsonRequest, options: HttpRetryOptions = {}): Promise<JsonResponse> {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxRetries = options.maxRetries ?? DEFAULTS.maxRetries;
  const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs;
  const wait = options.sleep ?? sleep;

  let lastError: VigilError | undefined;
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    if (req.signal?.aborted) throw cancelled();
    const backoff = baseDelayMs * 2 ** attempt;
    let response: Response;
    try {
      const signals = [AbortSignal.timeout(timeoutMs), ...(req.signal ? [req.signal] : [])];
      response = await fetchFn(req.url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.any(signals),
      });
    } catch (err) {
      if (req.signal?.aborted) throw cancelled();
      const reason =
        (err as Error).name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : describe(err);
      lastError = new VigilError('UPSTREAM_UNAVAILABLE', `${req.upstream} is unreachable: ${reason}.`, {
        details: { upstream: req.upstream, reason },
        cause: err,
      });
      if (attempt < maxRetries) await wait(backoff, req.signal);
      continue;
    }

    const text = await response.text().catch(() => '');
    const body = parseJson(text);
    const rateLimited =
      response.status === 429 || (response.ok && body !== undefined && req.isRateLimited?.(body) === true);
    if (rateLimited || response.status === 503) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      const code = rateLimited ? 'UPSTREAM_RATE_LIMITED' : 'UPSTREAM_UNAVAILABLE';
      lastError = new VigilError(
        code,
        rateLimited ? `${req.upstream} rate-limited the request.` : `${req.upstream} answered 503.`,
        {
          details: {
            upstream: req.upstream,
            status: response.status,
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          },
        },
      );
      if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) throw lastError;
      if (attempt < maxRetries) await wait(retryAfterMs ?? backoff, req.signal);
      continue;
    }
    if (response.status >= 500) {
      lastError = new VigilError(
        'UPSTREAM_UNAVAILABLE',
        `${req.upstream} answered HTTP ${response.status}.`,
        {
          details: { upstream: req.upstream, status: response.status },
        },
      );
      if (attempt < maxRetries) await wait(backoff, req.signal);
      continue;
    }
    if (response.ok && body === undefined) {
      throw new VigilError('UPSTREAM_UNAVAILABLE', `${req.upstream} answered with a body that is not JSON.`, {
        details: { upstream: req.upstream, status: response.status, bodyStart: text.slice(0, 120) },
      });
    }
    return { status: response.status, body, headers: response.headers };
  }
  throw lastError ?? new VigilError('UPSTREAM_UNAVAILABLE', `${req.upstream} could not be reached.`);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const code =
      typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
    return code ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}
