import { randomBytes } from 'node:crypto';
import type { Db } from '../db/types.js';
import { VigilError } from '../errors.js';
import { newId, newSecret, sha256Hex } from '../ids.js';
import type { AuthService, CreateAppInput } from '../runtime-types.js';
import type { SecretBox } from './crypto.js';
import type { NonceStore, RateLimiter } from './limits.js';
import { type SignedApp, type SignedRequest, signaturesEqual, verifySignedRequest } from './signature.js';
import {
  type App,
  CREDENTIAL_KINDS,
  type CredentialKind,
  hasRole,
  type IssuedCredential,
  type Principal,
  ROLES,
  type Role,
} from './types.js';

interface AppRow {
  id: string;
  name: string;
  roles: string;
  created_at: number;
  revoked_at: number | null;
  expires_at: number | null;
  rate_per_minute: number | null;
  max_requests: number | null;
  request_count: number;
}

interface CredentialRow {
  id: string;
  app_id: string;
  kind: CredentialKind;
  lookup: string;
  secret_hash: string | null;
  secret_enc: string | null;
  revoked_at: number | null;
}

function appFromRow(row: AppRow): App {
  return {
    id: row.id,
    name: row.name,
    roles: row.roles.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    ratePerMinute: row.rate_per_minute === null ? null : Number(row.rate_per_minute),
    maxRequests: row.max_requests === null ? null : Number(row.max_requests),
    requestCount: Number(row.request_count),
  };
}

export interface AuthServiceDeps {
  db: Db;
  box: SecretBox;
  nonces: NonceStore;
  limiter: RateLimiter;
  now(): number;
  defaultRatePerMinute: number;
  signatureWindowMs: number;
}

/** Credential look-ups are cached briefly: a revocation made by another process takes effect within this time. */
const CACHE_TTL_MS = 5_000;

/**
 * Apps and their credentials. Opaque keys and tokens carry 256 bits of
 * entropy, so a SHA-256 digest is a safe at-rest form and gives O(1) lookup;
 * HMAC signing secrets are sealed with AES-GCM because verification needs them.
 */
export class DefaultAuthService implements AuthService {
  private readonly cache = new Map<string, { at: number; value: { app: App; cred: CredentialRow } | null }>();

  constructor(private readonly deps: AuthServiceDeps) {}

  async createApp(input: CreateAppInput): Promise<{ app: App; credentials: IssuedCredential[] }> {
    const name = input.name.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) {
      throw new VigilError('VALIDATION_FAILED', 'App names are 1-64 characters: letters, digits, . _ -');
    }
    const roles = [...new Set(input.roles)];
    for (const role of roles) {
      if (!(ROLES as readonly string[]).includes(role)) {
        throw new VigilError('VALIDATION_FAILED', `Unknown role "${role}"; roles are ${ROLES.join(', ')}.`);
      }
    }
    if (roles.length === 0) throw new VigilError('VALIDATION_FAILED', 'An app needs at least one role.');
    if (await this.getApp(name))
      throw new VigilError('VALIDATION_FAILED', `An app named "${name}" already exists.`);
    const now = this.deps.now();
    const id = newId('app_');
    await this.deps.db.exec(
      `INSERT INTO apps (id, name, roles, created_at, revoked_at, expires_at, rate_per_minute, max_requests, request_count)
       VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 0)`,
      [
        id,
        name,
        roles.join(','),
        now,
        input.expiresAt ?? null,
        input.ratePerMinute ?? null,
        input.maxRequests ?? null,
      ],
    );
    const credentials: IssuedCredential[] = [];
    for (const kind of input.credentials ?? CREDENTIAL_KINDS)
      credentials.push(await this.issueCredential(id, kind));
    const app = await this.getApp(id);
    if (!app) throw new VigilError('INTERNAL', 'App vanished after creation.');
    return { app, credentials };
  }

  async issueCredential(appId: string, kind: CredentialKind): Promise<IssuedCredential> {
    const id = newId('cred_');
    let lookup: string;
    let secretHash: string | null = null;
    let secretEnc: string | null = null;
    let issued: IssuedCredential;
    switch (kind) {
      case 'api_key': {
        const key = newSecret('vk_');
        lookup = sha256Hex(key);
        issued = { id, kind, key };
        break;
      }
      case 'bearer': {
        const token = newSecret('vt_');
        lookup = sha256Hex(token);
        issued = { id, kind, key: token };
        break;
      }
      case 'key_secret': {
        const key = `vak_${randomBytes(12).toString('hex')}`;
        const secret = newSecret('vas_');
        lookup = key;
        secretHash = sha256Hex(secret);
        issued = { id, kind, key, secret };
        break;
      }
      case 'hmac': {
        // Same shape as the vendor's: 20-hex appid, 32-hex secret.
        const appid = randomBytes(10).toString('hex');
        const secret = randomBytes(16).toString('hex');
        lookup = appid;
        secretEnc = this.deps.box.seal(secret);
        issued = { id, kind, key: appid, secret };
        break;
      }
    }
    await this.deps.db.exec(
      `INSERT INTO credentials (id, app_id, kind, lookup, secret_hash, secret_enc, created_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
      [id, appId, kind, lookup, secretHash, secretEnc, this.deps.now()],
    );
    return issued;
  }

  async listApps(): Promise<App[]> {
    return (await this.deps.db.query<AppRow>('SELECT * FROM apps ORDER BY created_at, id')).map(appFromRow);
  }

  async getApp(idOrName: string): Promise<App | undefined> {
    const row = await this.deps.db.one<AppRow>('SELECT * FROM apps WHERE id = ? OR name = ?', [
      idOrName,
      idOrName,
    ]);
    return row ? appFromRow(row) : undefined;
  }

  async revokeApp(idOrName: string): Promise<App> {
    const app = await this.getApp(idOrName);
    if (!app) throw new VigilError('NOT_FOUND', `No app "${idOrName}".`);
    const now = this.deps.now();
    await this.deps.db.exec('UPDATE apps SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
      now,
      app.id,
    ]);
    await this.deps.db.exec('UPDATE credentials SET revoked_at = ? WHERE app_id = ? AND revoked_at IS NULL', [
      now,
      app.id,
    ]);
    this.cache.clear();
    this.appCache.clear();
    return { ...app, revokedAt: app.revokedAt ?? now };
  }

  private async lookup(
    kind: CredentialKind,
    lookup: string,
  ): Promise<{ app: App; cred: CredentialRow } | null> {
    const key = `${kind}:${lookup}`;
    const now = this.deps.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_TTL_MS) return hit.value;
    const cred = await this.deps.db.one<CredentialRow>(
      'SELECT * FROM credentials WHERE kind = ? AND lookup = ?',
      [kind, lookup],
    );
    let value: { app: App; cred: CredentialRow } | null = null;
    if (cred) {
      const row = await this.deps.db.one<AppRow>('SELECT * FROM apps WHERE id = ?', [cred.app_id]);
      if (row) value = { app: appFromRow(row), cred };
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { at: now, value });
    return value;
  }

  private principalFor(found: { app: App; cred: CredentialRow } | null): Principal {
    if (!found) throw new VigilError('AUTH_INVALID');
    const { app, cred } = found;
    if (cred.revoked_at !== null || app.revokedAt !== null) throw new VigilError('AUTH_REVOKED');
    if (app.expiresAt !== null && app.expiresAt <= this.deps.now()) throw new VigilError('AUTH_EXPIRED');
    return {
      appId: app.id,
      appName: app.name,
      roles: app.roles,
      credentialId: cred.id,
      credentialKind: cred.kind,
    };
  }

  private async authenticated(principal: Principal): Promise<Principal> {
    await this.consume(principal);
    return principal;
  }

  async authenticateApiKey(key: string | undefined): Promise<Principal> {
    if (!key) throw new VigilError('AUTH_MISSING', 'The x-api-key header is missing.');
    return this.authenticated(this.principalFor(await this.lookup('api_key', sha256Hex(key))));
  }

  async authenticateBearer(token: string | undefined): Promise<Principal> {
    if (!token) throw new VigilError('AUTH_MISSING', 'No bearer token was supplied.');
    return this.authenticated(this.principalFor(await this.lookup('bearer', sha256Hex(token))));
  }

  async authenticateKeySecret(key: string | undefined, secret: string | undefined): Promise<Principal> {
    if (!key || !secret) throw new VigilError('AUTH_MISSING', 'Both api-key and api-secret are required.');
    const found = await this.lookup('key_secret', key);
    if (found && !signaturesEqual(found.cred.secret_hash ?? '', sha256Hex(secret))) {
      throw new VigilError('AUTH_INVALID');
    }
    return this.authenticated(this.principalFor(found));
  }

  async authenticateSigned(req: SignedRequest): Promise<Principal> {
    let found: { app: App; cred: CredentialRow } | null = null;
    await verifySignedRequest(req, {
      now: this.deps.now,
      windowMs: this.deps.signatureWindowMs,
      claimNonce: (appId, nonce, ttl) => this.deps.nonces.claim(appId, nonce, ttl),
      findApp: async (appId): Promise<SignedApp | undefined> => {
        found = await this.lookup('hmac', appId);
        if (!found?.cred.secret_enc) return undefined;
        const { app, cred } = found;
        return {
          appId,
          secret: this.deps.box.open(cred.secret_enc as string),
          revoked: cred.revoked_at !== null || app.revokedAt !== null,
          expired: app.expiresAt !== null && app.expiresAt <= this.deps.now(),
        };
      },
    });
    const principal = this.principalFor(found);
    try {
      await this.consume(principal);
    } catch (err) {
      if (err instanceof VigilError && err.code === 'QUOTA_EXCEEDED')
        throw new VigilError('SIGNATURE_COUNT_LIMIT');
      throw err;
    }
    return principal;
  }

  authorize(principal: Principal, role: Role): void {
    if (!hasRole(principal, role)) {
      throw new VigilError('FORBIDDEN_ROLE', `This operation requires the "${role}" role.`, {
        details: { required: role, roles: principal.roles },
      });
    }
  }

  async consume(principal: Principal): Promise<void> {
    const found = await this.getCachedApp(principal.appId);
    const rate = found?.ratePerMinute ?? this.deps.defaultRatePerMinute;
    if (!(await this.deps.limiter.hit(`app:${principal.appId}`, rate))) {
      throw new VigilError('RATE_LIMITED', `Rate limit of ${rate} requests per minute exceeded.`, {
        details: { limitPerMinute: rate },
      });
    }
    const r = await this.deps.db.exec(
      `UPDATE apps SET request_count = request_count + 1
       WHERE id = ? AND (max_requests IS NULL OR request_count < max_requests)`,
      [principal.appId],
    );
    if (r.changes === 0) {
      throw new VigilError('QUOTA_EXCEEDED', 'The app has used all the requests its quota allows.', {
        details: { maxRequests: found?.maxRequests ?? null },
      });
    }
  }

  private readonly appCache = new Map<string, { at: number; app: App | undefined }>();
  private async getCachedApp(id: string): Promise<App | undefined> {
    const now = this.deps.now();
    const hit = this.appCache.get(id);
    if (hit && now - hit.at < CACHE_TTL_MS) return hit.app;
    const app = await this.getApp(id);
    this.appCache.set(id, { at: now, app });
    return app;
  }
}
