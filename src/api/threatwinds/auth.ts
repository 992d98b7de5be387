import type { FastifyRequest } from 'fastify';
import { hasRole, type Principal, type Role } from '../../core/auth/types.js';
import { VigilError } from '../../core/errors.js';
import type { AuthService } from '../../core/runtime-types.js';
import { authenticateHeaders } from '../shared/request-auth.js';

/**
 * `Authorization: Bearer` or `api-key` + `api-secret`, never both (400). The
 * gateway-added `user-id` / `groups` headers of the vendor are ignored: the
 * principal comes from the credentials only.
 */
export async function authenticateTw(
  request: FastifyRequest,
  auth: AuthService,
  roles: readonly Role[],
): Promise<Principal> {
  const principal = await authenticateHeaders(request, auth, ['bearer', 'key_secret']);
  if (!roles.some((role) => hasRole(principal, role))) {
    throw new VigilError('FORBIDDEN_ROLE', `This operation requires the ${roles.join(' or ')} role`);
  }
  return principal;
}
