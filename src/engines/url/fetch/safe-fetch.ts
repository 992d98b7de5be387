import http from 'node:http';
import https from 'node:https';
import { isVigilError, VigilError } from '../../../core/errors.js';
import type { TargetPolicy } from '../../../core/net/target-policy.js';

/**
 * An SSRF-safe page fetcher. Every hop (the first URL and each redirect) is
 * resolved and checked against the target policy (config allow/deny CIDRs,
 * then the built-in non-public denylist); the connection then goes to the
 * checked literal address, never to a name resolved again, so DNS rebinding
 * cannot slip a private address in. Bodies are capped in bytes and the whole
 * fetch, redirects included, in time.
 */
export interface SafeFetchLimits {
  /** Largest body kept; the rest is not read. */
  maxBytes: number;
  /** Deadline for the whole fetch, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
}

export interface FetchedPage {
  /** Final URL after redirects. */
  url: string;
  status: number;
  contentType: string;
  body: string;
  truncated: boolean;
  /** Every URL visited, first included. */
  chain: string[];
  /** The checked address the final response came from. */
  address: string;
}

export type PageFetcher = (
  url: string,
  options?: Partial<SafeFetchLimits> & { signal?: AbortSignal },
) => Promise<FetchedPage>;

export const DEFAULT_FETCH_LIMITS: SafeFetchLimits = {
  maxBytes: 1_048_576,
  timeoutMs: 8_000,
  maxRedirects: 5,
};

const USER_AGENT = 'Mozilla/5.0 (compatible; VigilURLScanner/0.1; +https://github.com/vigil)';

interface HopResult {
  status: number;
  location: string | undefined;
  contentType: string;
  body: Buffer;
  truncated: boolean;
}

function requestOnce(
  url: URL,
  address: string,
  family: 4 | 6,
  limits: SafeFetchLimits,
  signal: AbortSignal,
): Promise<HopResult> {
  return new Promise((resolve, reject) => {
    const isHttps = url.protocol === 'https:';
    const mod = isHttps ? https : http;
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const req = mod.request({
      host: address,
      family,
      port: url.port ? Number(url.port) : isHttps ? 443 : 80,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: {
        Host: url.host,
        'User-Agent': USER_AGENT,
        Accept: 'text/html,application/xhtml+xml,application/javascript,text/javascript,*/*;q=0.5',
        'Accept-Encoding': 'identity',
      },
      // TLS verifies the certificate against the name, while the socket goes to the checked address.
      ...(isHttps ? { servername: hostname } : {}),
      signal,
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const location = typeof res.headers.location === 'string' ? res.headers.location : undefined;
      const contentType = String(res.headers['content-type'] ?? '');
      if (status >= 300 && status < 400 && location) {
        res.resume();
        resolve({ status, location, contentType, body: Buffer.alloc(0), truncated: false });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        const room = limits.maxBytes - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          size += room;
          truncated = true;
          res.destroy();
          resolve({ status, location, contentType, body: Buffer.concat(chunks), truncated });
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => resolve({ status, location, contentType, body: Buffer.concat(chunks), truncated }));
      res.on('error', (err) => {
        if (!truncated) reject(err);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export function createSafeFetcher(
  policy: TargetPolicy,
  defaults: Partial<SafeFetchLimits> = {},
): PageFetcher {
  return async (input, options = {}) => {
    const limits: SafeFetchLimits = { ...DEFAULT_FETCH_LIMITS, ...defaults, ...options };
    const deadline = AbortSignal.timeout(limits.timeoutMs);
    const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
    const chain: string[] = [];
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new VigilError('INVALID_TARGET', `Not a URL: ${input}`);
    }
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new VigilError('TARGET_DENIED', `Refusing to follow ${url.protocol} URL ${url.href}`);
      }
      chain.push(url.href);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const resolved = await policy.resolveAndCheck(host);
      const first = resolved.addresses[0];
      if (!first) throw new VigilError('INVALID_TARGET', `No address for ${host}`);
      let res: HopResult;
      try {
        res = await requestOnce(url, first.address, first.family, limits, signal);
      } catch (err) {
        if (isVigilError(err)) throw err;
        const timedOut = deadline.aborted;
        throw new VigilError(
          'UPSTREAM_UNAVAILABLE',
          timedOut
            ? `Fetching ${url.href} took longer than ${limits.timeoutMs} ms`
            : `Fetching ${url.href} failed: ${(err as Error).message}`,
          { details: { url: url.href, timeout: timedOut }, cause: err },
        );
      }
      if (res.location !== undefined && res.status >= 300 && res.status < 400) {
        if (hop >= limits.maxRedirects) {
          throw new VigilError(
            'UPSTREAM_UNAVAILABLE',
            `More than ${limits.maxRedirects} redirects from ${input}`,
          );
        }
        url = new URL(res.location, url);
        continue;
      }
      return {
        url: url.href,
        status: res.status,
        contentType: res.contentType,
        body: res.body.toString('utf8'),
        truncated: res.truncated,
        chain,
        address: first.address,
      };
    }
  };
}
