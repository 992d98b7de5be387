export const ROLES = ['reporter', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Credential kinds, because the vendor APIs differ:
 * - api_key: one opaque key (`x-api-key`)
 * - key_secret: public key id + secret (`api-key` + `api-secret`)
 * - bearer: opaque token (`Authorization: Bearer`, WebSocket `auth_token`)
 * - hmac: appid + signing secret (X-Signature-* headers); the secret is stored
 *   encrypted because the server must recompute signatures.
 */
export const CREDENTIAL_KINDS = ['api_key', 'key_secret', 'bearer', 'hmac'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export interface App {
  id: string;
  name: string;
  roles: Role[];
  createdAt: number;
  revokedAt: number | null;
  expiresAt: number | null;
  /** Requests per minute; null = the configured default. */
  ratePerMinute: number | null;
  /** Lifetime request cap; null = unlimited. */
  maxRequests: number | null;
  requestCount: number;
}

export interface Principal {
  appId: string;
  appName: string;
  roles: Role[];
  credentialId: string;
  credentialKind: CredentialKind;
}

export interface IssuedCredential {
  id: string;
  kind: CredentialKind;
  /** api_key: the key; bearer: the token; key_secret/hmac: the public id. */
  key: string;
  /** key_secret/hmac: the secret. Shown once, never stored in clear. */
  secret?: string;
}

export function hasRole(principal: Pick<Principal, 'roles'>, role: Role): boolean {
  return principal.roles.includes('admin') || principal.roles.includes(role);
}
