/**
 * A minimal client for the HashDit-style signed APIs, written from the reference
 * (not from Vigil's server code): HMAC-SHA256, keyed with the secret's UTF-8 bytes,
 * over `appid;timestamp;nonce;METHOD;path[;query];body`, lowercase hex.
 * The same code is the README/docs snippet (docs/api/hashdit-address.md).
 */
import { createHmac, randomUUID } from 'node:crypto';

export interface SignInput {
  appId: string;
  secret: string;
  method: string;
  path: string;
  /** Raw query string without '?'; omitted (with its ';') when empty. */
  query?: string;
  body: string;
  timestamp?: string;
  nonce?: string;
}

export function sign(input: SignInput): string {
  const fields = [
    input.appId,
    input.timestamp ?? '',
    input.nonce ?? '',
    input.method.toUpperCase(),
    input.path,
    ...(input.query ? [input.query] : []),
    input.body,
  ];
  return createHmac('sha256', Buffer.from(input.secret, 'utf8'))
    .update(fields.join(';'), 'utf8')
    .digest('hex');
}

/** The four X-Signature-* headers for one request (fresh timestamp and nonce unless given). */
export function signedHeaders(input: SignInput): Record<string, string> {
  const timestamp = input.timestamp ?? String(Date.now());
  const nonce = input.nonce ?? randomUUID().replaceAll('-', '');
  return {
    'X-Signature-appid': input.appId,
    'X-Signature-timestamp': timestamp,
    'X-Signature-nonce': nonce,
    'X-Signature-signature': sign({ ...input, timestamp, nonce }),
  };
}

export interface SignedPostOptions {
  /** Rewrites the signed headers (to test each signature failure). */
  headers?: (h: Record<string, string>) => Record<string, string>;
  /** Sends this raw body instead of JSON.stringify(payload). */
  body?: string;
}

/** POSTs a signed JSON request to a Fastify app through inject(). */
export async function postSigned(
  app: { inject(o: object): Promise<{ statusCode: number; json(): unknown }> },
  path: string,
  payload: unknown,
  creds: { hmacAppId: string; hmacSecret: string },
  options: SignedPostOptions = {},
): Promise<{ status: number; body: unknown }> {
  const body = options.body ?? JSON.stringify(payload);
  let headers = signedHeaders({
    appId: creds.hmacAppId,
    secret: creds.hmacSecret,
    method: 'POST',
    path,
    body,
  });
  if (options.headers) headers = options.headers(headers);
  const res = await app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/json', ...headers },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() };
}
