import { createHmac, timingSafeEqual } from 'node:crypto';
import { VigilError } from '../errors.js';

/**
 * The HashDit-style request signature (shared by the address-security and URL
 * faces): lowercase hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of
 * `appid;timestamp;nonce;METHOD;path[;query];body`. The query is the raw query
 * string as received, without `?`, and is omitted with its `;` when empty.
 */
export interface SignatureInput {
  appId: string;
  timestamp: string;
  nonce: string;
  method: string;
  path: string;
  query?: string;
  body: string;
}

export function signatureMessage(input: SignatureInput): string {
  const parts = [input.appId, input.timestamp, input.nonce, input.method.toUpperCase(), input.path];
  if (input.query) parts.push(input.query);
  parts.push(input.body);
  return parts.join(';');
}

export function computeSignature(secret: string, input: SignatureInput): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(signatureMessage(input), 'utf8')
    .digest('hex');
}

export function signaturesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export const SIGNATURE_HEADERS = {
  appId: 'x-signature-appid',
  timestamp: 'x-signature-timestamp',
  nonce: 'x-signature-nonce',
  signature: 'x-signature-signature',
} as const;

export interface SignedRequest {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  /** Path without query string. */
  path: string;
  /** Raw query string without `?`, or empty. */
  query: string;
  /** Raw body exactly as received. */
  body: string;
}

export interface SignedApp {
  appId: string;
  secret: string;
  expired: boolean;
  revoked: boolean;
}

export interface SignatureVerifierDeps {
  /** Returns the app for an appid, or undefined when unknown. */
  findApp(appId: string): Promise<SignedApp | undefined>;
  /** Records the nonce; false when it was already seen within ttlMs (replay). */
  claimNonce(appId: string, nonce: string, ttlMs: number): Promise<boolean>;
  now(): number;
  windowMs: number;
}

function header(req: SignedRequest, name: string): string | undefined {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

const NONCE_RE = /^[0-9a-zA-Z]{1,64}$/;
const TIMESTAMP_RE = /^\d{10,16}$/;
const APPID_RE = /^[0-9A-Za-z_-]{1,128}$/;

/**
 * Verifies a signed request and returns the appid. Each failure is a distinct
 * VigilError code (SIGNATURE_*) whose message is the seed's sub-reason; faces
 * map them into their own envelope. The caller checks the count limit after.
 * Order: headers → nonce/timestamp form → window → app → signature → replay,
 * so a replayed nonce is only consumed by a correctly signed request.
 */
export async function verifySignedRequest(req: SignedRequest, deps: SignatureVerifierDeps): Promise<string> {
  const appId = header(req, SIGNATURE_HEADERS.appId);
  const timestamp = header(req, SIGNATURE_HEADERS.timestamp);
  const nonce = header(req, SIGNATURE_HEADERS.nonce);
  const signature = header(req, SIGNATURE_HEADERS.signature);
  if (!appId || !timestamp || !nonce || !signature) {
    throw new VigilError('SIGNATURE_HEADERS_MISSING', undefined, {
      details: { missing: { appid: !appId, timestamp: !timestamp, nonce: !nonce, signature: !signature } },
    });
  }
  if (!NONCE_RE.test(nonce)) throw new VigilError('SIGNATURE_NONCE_ILLEGAL');
  if (!TIMESTAMP_RE.test(timestamp)) throw new VigilError('SIGNATURE_TIMESTAMP_ILLEGAL');
  const ts = Number(timestamp);
  if (Math.abs(deps.now() - ts) > deps.windowMs) throw new VigilError('SIGNATURE_TIMESTAMP_EXPIRED');
  if (!APPID_RE.test(appId)) throw new VigilError('SIGNATURE_APPID_INVALID');
  const app = await deps.findApp(appId);
  if (!app) throw new VigilError('SIGNATURE_APPID_UNKNOWN');
  if (app.revoked) throw new VigilError('SIGNATURE_APPID_INVALID');
  if (app.expired) throw new VigilError('SIGNATURE_APPID_EXPIRED');
  const expected = computeSignature(app.secret, {
    appId,
    timestamp,
    nonce,
    method: req.method,
    path: req.path,
    query: req.query,
    body: req.body,
  });
  if (!signaturesEqual(expected, signature.toLowerCase())) throw new VigilError('SIGNATURE_INVALID');
  // A nonce only needs remembering for as long as its timestamp is acceptable.
  if (!(await deps.claimNonce(appId, nonce, 2 * deps.windowMs))) throw new VigilError('SIGNATURE_REPLAYED');
  return appId;
}
