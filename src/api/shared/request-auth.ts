import type { FastifyRequest } from 'fastify';
import type { SignedRequest } from '../../core/auth/signature.js';
import type { Principal } from '../../core/auth/types.js';
import { VigilError } from '../../core/errors.js';
import type { AuthService } from '../../core/runtime-types.js';

export type HeaderAuthMethod = 'bearer' | 'api_key' | 'key_secret';

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s === '' ? undefined : s;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = headerValue(request, 'authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim() || undefined;
}

/**
 * Authenticates with whichever allowed method the request uses. Supplying two
 * methods at once is refused (AUTH_AMBIGUOUS) rather than guessed at.
 */
export async function authenticateHeaders(
  request: FastifyRequest,
  auth: AuthService,
  methods: readonly HeaderAuthMethod[],
): Promise<Principal> {
  const token = methods.includes('bearer') ? bearerToken(request) : undefined;
  const apiKey = headerValue(request, 'x-api-key');
  const pairKey = headerValue(request, 'api-key');
  const pairSecret = headerValue(request, 'api-secret');
  const used: HeaderAuthMethod[] = [];
  if (token) used.push('bearer');
  if (methods.includes('api_key') && apiKey) used.push('api_key');
  if (methods.includes('key_secret') && (pairKey || pairSecret)) used.push('key_secret');
  if (used.length > 1) throw new VigilError('AUTH_AMBIGUOUS');
  switch (used[0]) {
    case 'bearer':
      return auth.authenticateBearer(token);
    case 'api_key':
      return auth.authenticateApiKey(apiKey);
    case 'key_secret':
      return auth.authenticateKeySecret(pairKey, pairSecret);
    default:
      throw new VigilError('AUTH_MISSING');
  }
}

/** The pieces of a request the HMAC signature covers. */
export function signedRequestOf(request: FastifyRequest): SignedRequest {
  const [path, query = ''] = request.url.split('?', 2) as [string, string?];
  return {
    headers: request.headers,
    method: request.method,
    path,
    query,
    body: request.rawBody ?? '',
  };
}
