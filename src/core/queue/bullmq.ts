import { type Job as BullJob, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { VigilError } from '../errors.js';
import type { Job } from '../jobs/types.js';
import type { EnqueueOptions, JobQueue, JobRunner } from './types.js';

/**
 * The scale-out queue on BullMQ (Redis): one BullMQ queue per job kind, shared
 * by every API process (producers) and worker process (consumers).
 *
 * - Only ids travel: a BullMQ job's data is `{id, attempts}`; the store keeps
 *   the job's truth, and the runner's conditional claim makes a duplicate or
 *   late delivery harmless.
 * - `enqueue` is idempotent per job id + attempt through the BullMQ job id
 *   `<id>-<attempt>` (BullMQ ignores an add whose id already exists).
 * - A worker that dies (SIGKILL, OOM, lost machine) stops renewing its locks;
 *   another worker's stalled-job check moves those jobs back to waiting and they
 *   run again. A job that stalls more than `maxStalledCount` times is handed to
 *   `onWorkerLost` (the runtime marks it failed WORKER_LOST).
 * - Cancellation crosses processes on a Redis pub/sub channel: the process
 *   running the job aborts its signal; a waiting or delayed job is removed.
 * - Infrastructure errors escaping the runner (store unreachable) are retried
 *   by BullMQ with exponential backoff; job-level failures and retries are the
 *   runner's business.
 */

export interface BullmqQueueOptions {
  /** `redis://[user:pass@]host:port[/db]` or `rediss://...` */
  url: string;
  /** Key prefix for every BullMQ key and the cancel channel (default `vigil`). */
  prefix?: string;
  /** Job kinds this process consumes (worker role), read when workers start; other queues open on first enqueue. */
  kinds: readonly string[] | (() => readonly string[]);
  logger?: Logger;
  /** How long a worker's job lock lasts without renewal: the time to notice a dead worker (default 30 s). */
  lockDurationMs?: number;
  /** How often workers look for stalled jobs (default 30 s). */
  stalledIntervalMs?: number;
  /** Re-deliveries after stalls before a job counts as lost (default 3). */
  maxStalledCount?: number;
  /** Called once when a job exceeded maxStalledCount (its workers kept dying). */
  onWorkerLost?: (jobId: string) => Promise<void>;
  /** How long enqueue may wait for Redis before failing QUEUE_UNAVAILABLE (default 5 s). */
  enqueueTimeoutMs?: number;
}

interface Payload {
  id: string;
  attempts: number;
}

interface Running {
  controller: AbortController;
  kind: string;
}

const CANCEL_CHANNEL = 'vigil:cancel';
/** Attempts BullMQ itself makes when the runner throws (store down), not engine failures. */
const INFRA_ATTEMPTS = 8;

export class BullmqQueue implements JobQueue {
  readonly name = 'bullmq';
  readonly prefix: string;
  private readonly connection: Redis;
  private readonly queues = new Map<string, Queue<Payload>>();
  private readonly workers: Worker<Payload>[] = [];
  private readonly workerConnections: Redis[] = [];
  private subscriber: Redis | undefined;
  private readonly running = new Map<string, Running>();
  /** BullMQ ids of deliveries currently being processed by this process. */
  private readonly activeBullIds = new Set<string>();
  /** BullMQ ids enqueued while that very delivery was still active here: added once it has left. */
  private readonly deferred = new Map<string, { payload: Payload; kind: string; delayMs: number }>();
  /** Jobs this process interrupted for shutdown; put back on the queue before closing. */
  private readonly interrupted: { payload: Payload; kind: string }[] = [];
  private closing = false;
  private closed = false;

  constructor(private readonly options: BullmqQueueOptions) {
    this.prefix = options.prefix ?? 'vigil';
    this.connection = this.redis(false);
  }

  /** Resolves once Redis answers; fails QUEUE_UNAVAILABLE (and closes) when it does not within 10 s. */
  async ready(timeoutMs = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.connection.ping(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (err) {
      this.connection.disconnect();
      this.closed = true;
      throw new VigilError(
        'QUEUE_UNAVAILABLE',
        `Redis at ${redactUrl(this.options.url)} is unreachable: ${(err as Error).message}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  private redis(blocking: boolean): Redis {
    const client = new Redis(this.options.url, {
      // BullMQ workers need unbounded retries on their blocking connection; producers fail fast instead.
      maxRetriesPerRequest: blocking ? null : 3,
      lazyConnect: false,
    });
    client.on('error', (err: Error) =>
      this.options.logger?.warn({ err: err.message }, 'redis connection error'),
    );
    return client;
  }

  private queue(kind: string): Queue<Payload> {
    let queue = this.queues.get(kind);
    if (!queue) {
      queue = new Queue<Payload>(kind, { connection: this.connection, prefix: this.prefix });
      queue.on('error', (err: Error) =>
        this.options.logger?.warn({ err: err.message, kind }, 'bullmq queue error'),
      );
      this.queues.set(kind, queue);
    }
    return queue;
  }

  private kinds(): readonly string[] {
    const { kinds } = this.options;
    return typeof kinds === 'function' ? kinds() : kinds;
  }

  private static bullId(id: string, attempts: number): string {
    return `${id}-${attempts}`;
  }

  async enqueue(job: Pick<Job, 'id' | 'kind' | 'attempts'>, options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new VigilError('QUEUE_UNAVAILABLE', 'The queue is closed.');
    const payload: Payload = { id: job.id, attempts: job.attempts };
    const bullId = BullmqQueue.bullId(job.id, job.attempts);
    const delayMs = Math.max(0, Math.round(options.delayMs ?? 0));
    if (this.activeBullIds.has(bullId)) {
      // The same delivery is still active here: an add now would be swallowed by BullMQ's id check.
      this.deferred.set(bullId, { payload, kind: job.kind, delayMs });
      return;
    }
    await this.add(job.kind, payload, delayMs);
  }

  private async add(kind: string, payload: Payload, delayMs: number): Promise<void> {
    const timeoutMs = this.options.enqueueTimeoutMs ?? 5_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new VigilError('QUEUE_UNAVAILABLE', `Redis did not accept the job within ${timeoutMs} ms.`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([
        this.queue(kind).add('run', payload, {
          jobId: BullmqQueue.bullId(payload.id, payload.attempts),
          delay: delayMs,
          attempts: INFRA_ATTEMPTS,
          backoff: { type: 'exponential', delay: 1_000 },
          // Removed when done so a later re-enqueue of the same attempt (shutdown, recovery) is not swallowed.
          removeOnComplete: true,
          removeOnFail: true,
        }),
        timeout,
      ]);
    } catch (err) {
      throw err instanceof VigilError
        ? err
        : new VigilError('QUEUE_UNAVAILABLE', `Could not enqueue: ${(err as Error).message}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  async startWorkers(runner: JobRunner, concurrency: (kind: string) => number): Promise<void> {
    if (this.closing) return;
    await this.subscribeCancels();
    for (const kind of this.kinds()) {
      const connection = this.redis(true);
      this.workerConnections.push(connection);
      const worker = new Worker<Payload>(
        kind,
        (job, _token, signal) => this.process(kind, runner, job, signal),
        {
          connection,
          prefix: this.prefix,
          concurrency: Math.max(1, concurrency(kind)),
          lockDuration: this.options.lockDurationMs ?? 30_000,
          stalledInterval: this.options.stalledIntervalMs ?? 30_000,
          maxStalledCount: this.options.maxStalledCount ?? 3,
        },
      );
      worker.on('error', (err: Error) =>
        this.options.logger?.warn({ err: err.message, kind }, 'bullmq worker error'),
      );
      worker.on('failed', (job, err) => void this.onFailed(kind, job, err));
      worker.on('completed', (job) => void this.flushDeferred(job.id));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
  }

  private async process(
    kind: string,
    runner: JobRunner,
    bullJob: BullJob<Payload>,
    bullSignal: AbortSignal | undefined,
  ): Promise<void> {
    const { id } = bullJob.data;
    const controller = new AbortController();
    const onBullAbort = (): void => controller.abort('cancelled');
    bullSignal?.addEventListener('abort', onBullAbort, { once: true });
    this.running.set(id, { controller, kind });
    if (bullJob.id) this.activeBullIds.add(bullJob.id);
    try {
      await runner.run(id, controller.signal);
    } finally {
      bullSignal?.removeEventListener('abort', onBullAbort);
      this.running.delete(id);
    }
    if (controller.signal.aborted && controller.signal.reason === 'shutdown') {
      this.interrupted.push({ payload: bullJob.data, kind });
    }
  }

  private async flushDeferred(bullId: string | undefined): Promise<void> {
    if (!bullId) return;
    this.activeBullIds.delete(bullId);
    const next = this.deferred.get(bullId);
    if (!next) return;
    this.deferred.delete(bullId);
    try {
      await this.add(next.kind, next.payload, next.delayMs);
    } catch (err) {
      this.options.logger?.error(
        { err, jobId: next.payload.id },
        'deferred enqueue failed; recovery will pick it up',
      );
    }
  }

  private async onFailed(kind: string, job: BullJob<Payload> | undefined, err: Error): Promise<void> {
    await this.flushDeferred(job?.id);
    if (!job) return;
    if (/stalled more than allowable limit/i.test(err.message)) {
      this.options.logger?.error(
        { jobId: job.data.id, kind },
        'job stalled too often; its workers keep dying',
      );
      await this.options.onWorkerLost?.(job.data.id).catch((e: unknown) => {
        this.options.logger?.error({ err: e, jobId: job.data.id }, 'marking job lost failed');
      });
    } else {
      this.options.logger?.warn(
        { err: err.message, jobId: job.data.id, kind },
        'runner threw; BullMQ retries',
      );
    }
  }

  private async subscribeCancels(): Promise<void> {
    if (this.subscriber) return;
    const subscriber = this.redis(true);
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, message: string) => {
      this.running.get(message)?.controller.abort('cancelled');
    });
    await subscriber.subscribe(`${this.prefix}:${CANCEL_CHANNEL}`);
  }

  async cancel(job: Pick<Job, 'id' | 'kind'>): Promise<void> {
    // Abort it here at once, then everywhere else.
    this.running.get(job.id)?.controller.abort('cancelled');
    await this.connection.publish(`${this.prefix}:${CANCEL_CHANNEL}`, job.id);
    const attempts = (job as Partial<Pick<Job, 'attempts'>>).attempts;
    const candidates = typeof attempts === 'number' ? [attempts, attempts - 1, attempts + 1] : range(0, 21);
    const queue = this.queue(job.kind);
    // A waiting or delayed delivery is removed; an active (locked) one cannot be and ends through the abort.
    await Promise.all(
      candidates.filter((n) => n >= 0).map((n) => queue.remove(BullmqQueue.bullId(job.id, n)).catch(() => 0)),
    );
  }

  async close(graceMs: number): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    const closing = Promise.all(this.workers.map((w) => w.close()));
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'grace'>((resolve) => {
      timer = setTimeout(() => resolve('grace'), graceMs);
    });
    const first = await Promise.race([closing.then(() => 'done' as const), grace]);
    clearTimeout(timer);
    if (first === 'grace') {
      for (const r of this.running.values()) r.controller.abort('shutdown');
      await closing;
    }
    // Interrupted jobs go straight back to the queue so another worker takes them now, not at the next start.
    for (const { payload, kind } of this.interrupted.splice(0)) {
      await this.add(kind, payload, 0).catch((err: unknown) => {
        this.options.logger?.error(
          { err, jobId: payload.id },
          're-enqueue on shutdown failed; recovery will',
        );
      });
    }
    for (const [bullId] of this.deferred) await this.flushDeferred(bullId);
    this.closed = true;
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    if (this.subscriber) await this.subscriber.quit().catch(() => undefined);
    await Promise.all(this.workerConnections.map((c) => c.quit().catch(() => undefined)));
    await this.connection.quit().catch(() => undefined);
  }

  async depth(): Promise<Record<string, { waiting: number; running: number }>> {
    const kinds = new Set([...this.kinds(), ...this.queues.keys()]);
    const out: Record<string, { waiting: number; running: number }> = {};
    for (const kind of kinds) {
      const c = await this.queue(kind).getJobCounts('waiting', 'delayed', 'prioritized', 'paused', 'active');
      out[kind] = {
        waiting: (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) + (c.paused ?? 0),
        running: c.active ?? 0,
      };
    }
    return out;
  }
}

/**
 * Vigil's own settings ride on the queue URL so one config string (or
 * VIGIL_QUEUE) describes the queue: `prefix`, `lockMs`, `stalledMs`,
 * `maxStalled`. They are removed before the URL reaches ioredis.
 */
export function parseQueueUrl(url: string): {
  redisUrl: string;
  prefix: string | undefined;
  lockDurationMs: number | undefined;
  stalledIntervalMs: number | undefined;
  maxStalledCount: number | undefined;
} {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VigilError('CONFIG_INVALID', `The queue URL "${url}" is not a valid URL.`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new VigilError(
      'CONFIG_INVALID',
      `The queue URL must start with redis:// or rediss://, got "${parsed.protocol}".`,
    );
  }
  const take = (name: string): string | undefined => {
    const value = parsed.searchParams.get(name) ?? undefined;
    parsed.searchParams.delete(name);
    return value;
  };
  const int = (name: string, min: number): number | undefined => {
    const raw = take(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      throw new VigilError(
        'CONFIG_INVALID',
        `Queue URL parameter ${name}=${raw} must be an integer >= ${min}.`,
      );
    }
    return n;
  };
  const prefix = take('prefix');
  if (prefix !== undefined && !/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) {
    throw new VigilError(
      'CONFIG_INVALID',
      `Queue URL prefix "${prefix}" may hold only letters, digits, _ . -`,
    );
  }
  return {
    prefix,
    lockDurationMs: int('lockMs', 1000),
    stalledIntervalMs: int('stalledMs', 500),
    maxStalledCount: int('maxStalled', 0),
    redisUrl: parsed.toString(),
  };
}

/** Entry point used by the runtime when config `queue` is `redis://...`. */
export async function createBullQueue(
  url: string,
  deps: Omit<BullmqQueueOptions, 'url' | 'kinds'> & { kinds?: BullmqQueueOptions['kinds'] },
): Promise<BullmqQueue> {
  const parsed = parseQueueUrl(url);
  const queue = new BullmqQueue({
    lockDurationMs: parsed.lockDurationMs,
    stalledIntervalMs: parsed.stalledIntervalMs,
    maxStalledCount: parsed.maxStalledCount,
    ...deps,
    prefix: deps.prefix ?? parsed.prefix,
    kinds: deps.kinds ?? [],
    url: parsed.redisUrl,
  });
  await queue.ready();
  return queue;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
