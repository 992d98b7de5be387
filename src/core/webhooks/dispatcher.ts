import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { SecretBox } from '../auth/crypto.js';
import type { VigilConfig } from '../config.js';
import type { Db } from '../db/types.js';
import { VigilError } from '../errors.js';
import { newId } from '../ids.js';
import { FINAL_STATES, type Job } from '../jobs/types.js';
import type { TargetPolicy } from '../net/target-policy.js';
import type { JobService } from '../runtime-types.js';
import { parseWebhookUrl, type SendResult, sendWebhook } from './send.js';
import { newWebhookSecret, webhookHeaders } from './standard-webhooks.js';

export type WebhookSettings = VigilConfig['webhooks'];

export interface WebhookEvent {
  type: string;
  data: unknown;
}

export interface WebhookSubscriptionInput {
  jobId: string;
  /** App that owns the subscription; its secret signs the calls. */
  owner: string;
  url: string;
  headers: Array<{ key: string; value: string }>;
}

export type DeliveryState = 'pending' | 'sending' | 'delivered' | 'failed' | 'disabled';

export interface DeliveryView {
  id: string;
  jobId: string;
  url: string;
  eventType: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
  log: Array<{
    attempt: number;
    at: number;
    status: number | null;
    error: string | null;
    durationMs: number;
  }>;
}

export interface WebhookDispatcherDeps {
  db: Db;
  policy: TargetPolicy;
  settings: WebhookSettings;
  jobs: Pick<JobService, 'get' | 'watch'>;
  logger: Logger;
  now(): number;
  /** Builds the event sent when a job finishes (the face decides the payload shape). */
  eventFor(job: Job): WebhookEvent;
  /** Overridable for tests; default is the policy-checked HTTP sender. */
  send?: typeof sendWebhook;
  /**
   * Seals the caller's headers at rest (they often carry the receiver's own credentials). Without it they
   * are stored as plain JSON; stored rows of either form are read.
   */
  secrets?: Pick<SecretBox, 'seal' | 'open'>;
}

// Header names the caller may not set: they carry the signature or are managed by HTTP itself.
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/;
const MAX_HEADERS = 20;
const LEASE_MS = 60_000;
const BATCH = 50;

interface DeliveryRow {
  id: string;
  subscription_id: string;
  job_id: string;
  owner: string;
  url: string;
  headers: string;
  event_type: string;
  payload: string;
  state: DeliveryState;
  attempts: number | string;
  next_attempt_at: number | string;
  last_status: number | null;
  last_error: string | null;
  created_at: number | string;
  delivered_at: number | string | null;
}

/** Validates caller headers for a webhook (names, values without line breaks, no reserved names). */
export function validateWebhookHeaders(headers: Array<{ key: string; value: string }>): void {
  if (headers.length > MAX_HEADERS)
    throw new VigilError('VALIDATION_FAILED', `webhook.headers: at most ${MAX_HEADERS} headers`);
  for (const { key, value } of headers) {
    if (!HEADER_NAME.test(key))
      throw new VigilError('VALIDATION_FAILED', `webhook.headers: "${key}" is not a valid header name`);
    if (RESERVED_HEADERS.has(key.toLowerCase())) {
      throw new VigilError(
        'VALIDATION_FAILED',
        `webhook.headers: "${key}" is set by Vigil and cannot be overridden`,
      );
    }
    if (/[\r\n\0]/.test(value) || value.length > 4096) {
      throw new VigilError(
        'VALIDATION_FAILED',
        `webhook.headers: the value of "${key}" is not a valid header value`,
      );
    }
  }
}

/** Delay before attempt `attempt + 1` after `attempt` failures: base x 2^(attempt-1), capped, with ±10% jitter. */
export function retryDelayMs(settings: WebhookSettings, attempt: number): number {
  const raw = Math.min(settings.maxRetryDelayMs, settings.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = raw * 0.1 * (Math.random() * 2 - 1);
  return Math.max(1, Math.round(raw + jitter));
}

/**
 * Persistent, at-least-once webhook delivery. Subscriptions wait for their job
 * to finish; a finished job turns each subscription into a delivery; due
 * deliveries are claimed with a lease (safe with several API processes),
 * signed, sent, and retried with exponential backoff. HTTP 410 disables the
 * URL. Every attempt is logged.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private readonly unwatch = new Map<string, () => void>();
  private stopped = false;

  constructor(private readonly deps: WebhookDispatcherDeps) {}

  /** Checks the URL (syntax and target policy) and headers; throws VALIDATION_FAILED / TARGET_DENIED / INVALID_TARGET. */
  async validate(url: string, headers: Array<{ key: string; value: string }>): Promise<void> {
    const parsed = parseWebhookUrl(url);
    validateWebhookHeaders(headers);
    await this.deps.policy.resolveAndCheck(parsed.host);
  }

  async subscribe(input: WebhookSubscriptionInput): Promise<{ id: string; created: boolean }> {
    await this.validate(input.url, input.headers);
    const headers = JSON.stringify(input.headers);
    // The same job + URL + headers is one subscription: repeated submits do not multiply calls.
    const id = `whs_${createHash('sha256').update(`${input.jobId}|${input.url}|${headers}`).digest('hex').slice(0, 32)}`;
    const stored = this.deps.secrets && input.headers.length > 0 ? this.deps.secrets.seal(headers) : headers;
    const { changes } = await this.deps.db.exec(
      `INSERT INTO webhook_subscriptions (id, job_id, owner, url, headers, state, created_at)
       VALUES (?, ?, ?, ?, ?, 'waiting', ?) ON CONFLICT (id) DO NOTHING`,
      [id, input.jobId, input.owner, input.url, stored, this.deps.now()],
    );
    this.watchJob(input.jobId);
    this.kick();
    return { id, created: changes > 0 };
  }

  private watchJob(jobId: string): void {
    if (this.unwatch.has(jobId) || this.stopped) return;
    const off = this.deps.jobs.watch(jobId, (job) => {
      if (FINAL_STATES.includes(job.state)) {
        this.unwatch.get(jobId)?.();
        this.unwatch.delete(jobId);
        this.kick();
      }
    });
    this.unwatch.set(jobId, off);
  }

  /** The signing secret of an owner, created on first use. */
  async secretFor(owner: string): Promise<string> {
    const row = await this.deps.db.one<{ secret: string }>(
      'SELECT secret FROM webhook_secrets WHERE owner = ?',
      [owner],
    );
    if (row) return row.secret;
    await this.deps.db.exec(
      'INSERT INTO webhook_secrets (owner, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (owner) DO NOTHING',
      [owner, newWebhookSecret(), this.deps.now()],
    );
    const created = await this.deps.db.one<{ secret: string }>(
      'SELECT secret FROM webhook_secrets WHERE owner = ?',
      [owner],
    );
    return (created as { secret: string }).secret;
  }

  async rotateSecret(owner: string): Promise<string> {
    const secret = newWebhookSecret();
    await this.deps.db.exec(
      `INSERT INTO webhook_secrets (owner, secret, created_at) VALUES (?, ?, ?)
       ON CONFLICT (owner) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at`,
      [owner, secret, this.deps.now()],
    );
    return secret;
  }

  start(): void {
    this.stopped = false;
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.deps.settings.pollIntervalMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const off of this.unwatch.values()) off();
    this.unwatch.clear();
    await this.running;
  }

  /** Runs a tick now (or right after the current one). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.tick()
      .catch((err: unknown) => this.deps.logger.error({ err }, 'webhook dispatcher tick failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  private storedHeaders(text: string): Array<{ key: string; value: string }> {
    const plain = text.startsWith('v1.') && this.deps.secrets ? this.deps.secrets.open(text) : text;
    return JSON.parse(plain) as Array<{ key: string; value: string }>;
  }

  /** One pass: schedule deliveries for finished jobs, then send what is due. */
  async tick(): Promise<void> {
    await this.promoteFinished();
    await this.sendDue();
  }

  private async promoteFinished(): Promise<void> {
    const waiting = await this.deps.db.query<{
      id: string;
      job_id: string;
      owner: string;
      url: string;
      headers: string;
    }>(
      "SELECT id, job_id, owner, url, headers FROM webhook_subscriptions WHERE state = 'waiting' ORDER BY created_at LIMIT ?",
      [BATCH * 4],
    );
    for (const sub of waiting) {
      const job = await this.deps.jobs.get(sub.job_id);
      if (!job) {
        await this.deps.db.exec("UPDATE webhook_subscriptions SET state = 'orphaned' WHERE id = ?", [sub.id]);
        continue;
      }
      if (!FINAL_STATES.includes(job.state)) {
        this.watchJob(job.id);
        continue;
      }
      const event = this.deps.eventFor(job);
      const now = this.deps.now();
      await this.deps.db.transaction(async (tx) => {
        const claimed = await tx.exec(
          "UPDATE webhook_subscriptions SET state = 'scheduled' WHERE id = ? AND state = 'waiting'",
          [sub.id],
        );
        if (claimed.changes === 0) return;
        const payload = JSON.stringify({
          type: event.type,
          timestamp: new Date(now).toISOString(),
          data: event.data,
        });
        await tx.exec(
          `INSERT INTO webhook_deliveries (id, subscription_id, job_id, owner, url, headers, event_type, payload, state,
             attempts, next_attempt_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (subscription_id) DO NOTHING`,
          [
            newId('msg_'),
            sub.id,
            sub.job_id,
            sub.owner,
            sub.url,
            sub.headers,
            event.type,
            payload,
            now,
            now,
            now,
          ],
        );
      });
    }
  }

  private async sendDue(): Promise<void> {
    const now = this.deps.now();
    // A process that died mid-send leaves a lease behind: after it runs out, the delivery is due again.
    await this.deps.db.exec(
      "UPDATE webhook_deliveries SET state = 'pending', lease_until = NULL WHERE state = 'sending' AND lease_until < ?",
      [now],
    );
    const due = await this.deps.db.query<DeliveryRow>(
      "SELECT * FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?",
      [now, BATCH],
    );
    await Promise.all(due.map((row) => this.attempt(row)));
  }

  private async attempt(row: DeliveryRow): Promise<void> {
    const { db, settings } = this.deps;
    const now = this.deps.now();
    const claim = await db.exec(
      "UPDATE webhook_deliveries SET state = 'sending', lease_until = ? WHERE id = ? AND state = 'pending'",
      [now + Math.max(LEASE_MS, settings.timeoutMs * 2), row.id],
    );
    if (claim.changes === 0) return;
    const disabled = await db.one('SELECT url FROM webhook_disabled_urls WHERE url = ?', [row.url]);
    if (disabled) {
      await db.exec(
        "UPDATE webhook_deliveries SET state = 'disabled', lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ?",
        ['endpoint disabled after HTTP 410', now, row.id],
      );
      return;
    }
    const attempt = Number(row.attempts) + 1;
    const secret = await this.secretFor(row.owner);
    const timestamp = Math.floor(this.deps.now() / 1000);
    const userHeaders = Object.fromEntries(
      this.storedHeaders(row.headers).map(({ key, value }) => [key, value]),
    );
    const headers = {
      ...userHeaders,
      'content-type': 'application/json',
      'user-agent': 'Vigil-Webhooks/1',
      ...webhookHeaders(secret, row.id, timestamp, row.payload),
    };
    const send = this.deps.send ?? sendWebhook;
    let result: SendResult;
    try {
      result = await send(this.deps.policy, row.url, headers, row.payload, settings.timeoutMs);
    } catch (err) {
      result = { status: null, error: (err as Error).message, durationMs: 0 };
    }
    const after = this.deps.now();
    await db.exec(
      `INSERT INTO webhook_attempts (delivery_id, attempt, at, status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (delivery_id, attempt) DO NOTHING`,
      [row.id, attempt, after, result.status, result.error, result.durationMs],
    );
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    if (ok) {
      await db.exec(
        `UPDATE webhook_deliveries SET state = 'delivered', attempts = ?, last_status = ?, last_error = NULL,
           lease_until = NULL, updated_at = ?, delivered_at = ? WHERE id = ?`,
        [attempt, result.status, after, after, row.id],
      );
      return;
    }
    if (result.status === 410) {
      await db.exec(
        `INSERT INTO webhook_disabled_urls (url, disabled_at, reason) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING`,
        [row.url, after, 'HTTP 410 Gone'],
      );
      await db.exec(
        `UPDATE webhook_deliveries SET state = 'disabled', attempts = ?, last_status = 410, last_error = ?, lease_until = NULL,
           updated_at = ? WHERE id = ?`,
        [attempt, 'receiver answered 410 Gone: endpoint disabled', after, row.id],
      );
      this.deps.logger.warn({ url: row.url }, 'webhook endpoint disabled after HTTP 410');
      return;
    }
    const error = result.error ?? `HTTP ${result.status}`;
    if (attempt >= settings.maxAttempts) {
      await db.exec(
        `UPDATE webhook_deliveries SET state = 'failed', attempts = ?, last_status = ?, last_error = ?, lease_until = NULL,
           updated_at = ? WHERE id = ?`,
        [attempt, result.status, error, after, row.id],
      );
      return;
    }
    const next = after + retryDelayMs(settings, attempt);
    await db.exec(
      `UPDATE webhook_deliveries SET state = 'pending', attempts = ?, last_status = ?, last_error = ?, lease_until = NULL,
         next_attempt_at = ?, updated_at = ? WHERE id = ?`,
      [attempt, result.status, error, next, after, row.id],
    );
    // Short schedules (tests, first retries) should not wait for the next poll.
    const wait = next - after;
    if (wait < settings.pollIntervalMs && !this.stopped) setTimeout(() => this.kick(), wait).unref();
  }

  /** The delivery log of a job's webhooks. */
  async deliveries(jobId: string): Promise<DeliveryView[]> {
    const rows = await this.deps.db.query<DeliveryRow>(
      'SELECT * FROM webhook_deliveries WHERE job_id = ? ORDER BY created_at',
      [jobId],
    );
    const out: DeliveryView[] = [];
    for (const row of rows) {
      const log = await this.deps.db.query<{
        attempt: number;
        at: number;
        status: number | null;
        error: string | null;
        duration_ms: number;
      }>(
        'SELECT attempt, at, status, error, duration_ms FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt',
        [row.id],
      );
      out.push({
        id: row.id,
        jobId: row.job_id,
        url: row.url,
        eventType: row.event_type,
        state: row.state,
        attempts: Number(row.attempts),
        nextAttemptAt: row.state === 'pending' ? Number(row.next_attempt_at) : null,
        lastStatus: row.last_status === null ? null : Number(row.last_status),
        lastError: row.last_error,
        createdAt: Number(row.created_at),
        deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
        log: log.map((l) => ({
          attempt: Number(l.attempt),
          at: Number(l.at),
          status: l.status === null ? null : Number(l.status),
          error: l.error,
          durationMs: Number(l.duration_ms),
        })),
      });
    }
    return out;
  }

  /** Waiting subscriptions of a job (not yet turned into deliveries). */
  async pendingSubscriptions(jobId: string): Promise<number> {
    const row = await this.deps.db.one<{ n: number | string }>(
      "SELECT COUNT(*) AS n FROM webhook_subscriptions WHERE job_id = ? AND state = 'waiting'",
      [jobId],
    );
    return Number(row?.n ?? 0);
  }
}
