import http from 'node:http';
import https from 'node:https';
import { VigilError } from '../errors.js';
import type { TargetPolicy } from '../net/target-policy.js';

export interface WebhookUrl {
  url: URL;
  /** Host name or IP literal without brackets. */
  host: string;
}

/** Accepts http(s) URLs without credentials; the host must pass the target policy (checked by the caller). */
export function parseWebhookUrl(raw: string): WebhookUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new VigilError('VALIDATION_FAILED', 'webhook.url is not a valid URL', {
      details: { field: 'webhook.url' },
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new VigilError('VALIDATION_FAILED', 'webhook.url must use http or https', {
      details: { field: 'webhook.url' },
    });
  }
  if (url.username || url.password) {
    throw new VigilError(
      'VALIDATION_FAILED',
      'webhook.url must not contain credentials; use webhook.headers',
      {
        details: { field: 'webhook.url' },
      },
    );
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { url, host };
}

export interface SendResult {
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs one webhook. The host is resolved and every address checked by the
 * policy, then the request connects to the checked address itself (Host
 * header and SNI keep the name), so DNS cannot change between check and
 * connect. Redirects are not followed: a 3xx counts as a failed attempt.
 */
export async function sendWebhook(
  policy: TargetPolicy,
  target: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<SendResult> {
  const started = performance.now();
  const done = (status: number | null, error: string | null): SendResult => ({
    status,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  let address: string;
  let parsed: WebhookUrl;
  try {
    parsed = parseWebhookUrl(target);
    const resolved = await policy.resolveAndCheck(parsed.host);
    address = (resolved.addresses[0] as { address: string }).address;
    policy.checkAddress(address);
  } catch (err) {
    return done(null, (err as Error).message);
  }
  const { url } = parsed;
  const isHttps = url.protocol === 'https:';
  const isIp = parsed.host !== '' && /^[\d.]+$|:/.test(parsed.host);
  return new Promise((resolve) => {
    const request = (isHttps ? https : http).request(
      {
        host: address,
        port: url.port ? Number(url.port) : isHttps ? 443 : 80,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...headers, host: url.host, 'content-length': Buffer.byteLength(body) },
        ...(isHttps && !isIp ? { servername: parsed.host } : {}),
        timeout: timeoutMs,
        agent: false,
      },
      (response) => {
        // Drain a bounded amount of the body; only the status matters.
        let seen = 0;
        response.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 64 * 1024) response.destroy();
        });
        response.on('end', () => resolve(done(response.statusCode ?? null, null)));
        response.on('error', () => resolve(done(response.statusCode ?? null, null)));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    request.on('error', (err) => resolve(done(null, err.message)));
    request.end(body);
  });
}
