import type { Logger } from 'pino';
import type { SignedRequest } from './auth/signature.js';
import type { App, CredentialKind, IssuedCredential, Principal, Role } from './auth/types.js';
import type { VigilConfig } from './config.js';
import type { Db } from './db/types.js';
import type { EngineRegistry } from './engine.js';
import type { Job, JobKind, JobListFilter, NewJobInput, SubmitResult } from './jobs/types.js';
import type { JobQueue } from './queue/types.js';

export interface JobService {
  /** Normalizes via the engine, dedupes within the window, persists, then enqueues. */
  submit(input: NewJobInput, options?: { dedupeWindowMs?: number }): Promise<SubmitResult>;
  get(id: string): Promise<Job | undefined>;
  list(filter?: JobListFilter): Promise<{ jobs: Job[]; next: string | null }>;
  /** Cancels a new/queued/running job (→ failed, code CANCELLED); throws JOB_NOT_CANCELLABLE when final. */
  cancel(id: string): Promise<Job>;
  /** Resolves with the job once it is done or failed. */
  waitFor(id: string, options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<Job>;
  /** Calls listener on every state/progress change of the job; returns an unsubscribe function. */
  watch(id: string, listener: (job: Job) => void): () => void;
  /** Latest job of kind+target (any owner) in one of the states, newer than maxAgeMs (result caches). */
  findLatest(query: {
    kind: JobKind;
    target: string;
    maxAgeMs: number;
    states?: Job['state'][];
  }): Promise<Job | undefined>;
}

export interface CreateAppInput {
  name: string;
  roles: Role[];
  ratePerMinute?: number | null;
  maxRequests?: number | null;
  expiresAt?: number | null;
  /** Credential kinds to issue; default all four. */
  credentials?: CredentialKind[];
}

export interface AuthService {
  createApp(input: CreateAppInput): Promise<{ app: App; credentials: IssuedCredential[] }>;
  issueCredential(appId: string, kind: CredentialKind): Promise<IssuedCredential>;
  listApps(): Promise<App[]>;
  getApp(idOrName: string): Promise<App | undefined>;
  revokeApp(idOrName: string): Promise<App>;
  /** x-api-key */
  authenticateApiKey(key: string | undefined): Promise<Principal>;
  /** api-key + api-secret */
  authenticateKeySecret(key: string | undefined, secret: string | undefined): Promise<Principal>;
  /** Authorization: Bearer / WebSocket auth_token */
  authenticateBearer(token: string | undefined): Promise<Principal>;
  /** X-Signature-* headers; throws SIGNATURE_* codes, then counts the request (SIGNATURE_COUNT_LIMIT). */
  authenticateSigned(req: SignedRequest): Promise<Principal>;
  /** Throws FORBIDDEN_ROLE. */
  authorize(principal: Principal, role: Role): void;
  /** Per-app rate and lifetime count; throws RATE_LIMITED / QUOTA_EXCEEDED. Called by the authenticate* methods. */
  consume(principal: Principal): Promise<void>;
}

export interface VigilRuntime {
  config: VigilConfig;
  db: Db;
  logger: Logger;
  jobs: JobService;
  auth: AuthService;
  queue: JobQueue;
  engines: EngineRegistry;
  /** Seals values the server stores but must recover (webhook headers); AES-256-GCM under auth.secretKey. */
  secrets: { seal(plain: string): string; open(sealed: string): string };
  now(): number;
  /** Starts workers (roles all/worker) and crash recovery. */
  start(): Promise<void>;
  /** Graceful: stop accepting, finish or re-queue running jobs, close the store. */
  close(): Promise<void>;
}
