import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { kindSettingsFor, type VigilConfig } from '../config.js';
import type { Db } from '../db/types.js';
import type { Engine, EngineContext, EngineRegistry } from '../engine.js';
import { toVigilError, VigilError } from '../errors.js';
import { canonicalJson, newId, sha256Hex } from '../ids.js';
import type { JobQueue, JobRunner } from '../queue/types.js';
import type { JobService } from '../runtime-types.js';
import { JobStore } from './store.js';
import { FINAL_STATES, type Job, type JobListFilter, type NewJobInput, type SubmitResult } from './types.js';

/** Why a running job's signal was aborted; decides what happens to the job. */
export type AbortReason = 'cancelled' | 'timeout' | 'shutdown';

export interface JobServiceDeps {
  db: Db;
  queue: JobQueue;
  engines: EngineRegistry;
  config: VigilConfig;
  logger: Logger;
  now(): number;
  /** Poll the store in watch/waitFor (needed when jobs run in other processes). */
  crossProcess?: boolean;
  metrics?: JobMetrics;
}

export interface JobMetrics {
  jobFinished(kind: string, outcome: 'done' | 'failed', seconds: number): void;
}

const PROGRESS_WRITE_INTERVAL_MS = 250;

export class DefaultJobService implements JobService, JobRunner {
  readonly store: JobStore;
  private readonly events = new EventEmitter();

  constructor(private readonly deps: JobServiceDeps) {
    this.store = new JobStore(deps.db);
    this.events.setMaxListeners(0);
  }

  private engine(kind: string): Engine {
    const engine = this.deps.engines.get(kind);
    if (!engine) {
      throw new VigilError('UNKNOWN_KIND', `No engine is registered for kind "${kind}".`, {
        details: { kind, known: [...this.deps.engines.keys()] },
      });
    }
    return engine;
  }

  settings(kind: string): { concurrency: number; timeoutMs: number; maxAttempts: number } {
    return kindSettingsFor(this.deps.config, kind, this.deps.engines.get(kind)?.defaults);
  }

  private emit(job: Job | undefined): void {
    if (job) this.events.emit(job.id, job);
  }

  async submit(input: NewJobInput, options: { dedupeWindowMs?: number } = {}): Promise<SubmitResult> {
    const engine = this.engine(input.kind);
    const normalized = await engine.normalize(input.target, input.options ?? {});
    const owner = input.ownerAppId ?? null;
    const dedupeKey = sha256Hex(
      canonicalJson({ kind: input.kind, target: normalized.target, options: normalized.options, owner }),
    );
    const now = this.deps.now();
    const window = options.dedupeWindowMs ?? this.deps.config.jobs.dedupeWindowMs;
    const { job, created } = await this.deps.db.transaction(async (tx) => {
      if (window > 0) {
        const existing = await this.store.findDuplicate(dedupeKey, now - window, tx);
        if (existing) return { job: existing, created: false };
      }
      const fresh: Job = {
        id: newId(),
        kind: input.kind,
        target: normalized.target,
        options: normalized.options,
        dedupeKey,
        ownerAppId: owner,
        state: 'new',
        progress: 0,
        step: null,
        attempts: 0,
        maxAttempts: this.settings(input.kind).maxAttempts,
        failureCode: null,
        failureMessage: null,
        result: null,
        createdAt: now,
        updatedAt: now,
        startedAt: null,
        finishedAt: null,
        runAfter: now,
      };
      await this.store.insert(fresh, tx);
      return { job: fresh, created: true };
    });
    if (!created) return { job, created };
    // Persisted before acknowledged: if the queue is down the job stays `new` and recovery enqueues it later.
    try {
      await this.deps.queue.enqueue(job);
      if (await this.store.markQueued(job.id, this.deps.now())) job.state = 'queued';
    } catch (err) {
      this.deps.logger.warn({ err, jobId: job.id }, 'enqueue failed; job kept as new for recovery');
    }
    const current = (await this.store.get(job.id)) ?? job;
    this.emit(current);
    return { job: current, created: true };
  }

  get(id: string): Promise<Job | undefined> {
    return this.store.get(id);
  }

  async list(filter: JobListFilter = {}): Promise<{ jobs: Job[]; next: string | null }> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const jobs = await this.store.list({ ...filter, limit });
    const last = jobs[jobs.length - 1];
    return { jobs, next: jobs.length === limit && last ? `${last.createdAt}:${last.id}` : null };
  }

  async cancel(id: string): Promise<Job> {
    const job = await this.store.get(id);
    if (!job) throw new VigilError('JOB_NOT_FOUND', undefined, { details: { id } });
    if (FINAL_STATES.includes(job.state)) {
      throw new VigilError('JOB_NOT_CANCELLABLE', `Job ${id} is already ${job.state}.`, { details: { id } });
    }
    await this.store.fail(id, 'CANCELLED', 'Cancelled on request.', this.deps.now());
    await this.deps.queue.cancel(job);
    const after = (await this.store.get(id)) ?? job;
    this.emit(after);
    return after;
  }

  watch(id: string, listener: (job: Job) => void): () => void {
    this.events.on(id, listener);
    let timer: NodeJS.Timeout | undefined;
    if (this.deps.crossProcess) {
      let lastUpdate = 0;
      timer = setInterval(() => {
        this.store
          .get(id)
          .then((job) => {
            if (job && job.updatedAt !== lastUpdate) {
              lastUpdate = job.updatedAt;
              listener(job);
            }
          })
          .catch(() => undefined);
      }, 500);
      timer.unref();
    }
    return () => {
      this.events.off(id, listener);
      if (timer) clearInterval(timer);
    };
  }

  waitFor(id: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Job> {
    return new Promise<Job>((resolve, reject) => {
      let settled = false;
      const cleanups: (() => void)[] = [];
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        for (const c of cleanups) c();
        fn();
      };
      const check = (job: Job | undefined): void => {
        if (!job) finish(() => reject(new VigilError('JOB_NOT_FOUND', undefined, { details: { id } })));
        else if (FINAL_STATES.includes(job.state)) finish(() => resolve(job));
      };
      cleanups.push(this.watch(id, check));
      // A slow poll backs up the event path (events can be missed between get() and watch()).
      const poll = setInterval(() => void this.store.get(id).then(check, () => undefined), 1000);
      poll.unref();
      cleanups.push(() => clearInterval(poll));
      if (options.timeoutMs !== undefined) {
        const t = setTimeout(
          () =>
            finish(() =>
              reject(new VigilError('JOB_TIMEOUT', `Waited ${options.timeoutMs} ms for job ${id}.`)),
            ),
          options.timeoutMs,
        );
        cleanups.push(() => clearTimeout(t));
      }
      if (options.signal) {
        const onAbort = (): void => finish(() => reject(new VigilError('CANCELLED', 'Wait aborted.')));
        options.signal.addEventListener('abort', onAbort, { once: true });
        cleanups.push(() => options.signal?.removeEventListener('abort', onAbort));
      }
      this.store.get(id).then(check, (err: unknown) => finish(() => reject(err)));
    });
  }

  findLatest(query: { kind: string; target: string; maxAgeMs: number; states?: Job['state'][] }) {
    return this.store.findLatest(
      query.kind,
      query.target,
      this.deps.now() - query.maxAgeMs,
      query.states ?? ['done'],
    );
  }

  /** JobRunner: executes one delivery of a job. Never throws for job-level failures. */
  async run(jobId: string, queueSignal: AbortSignal): Promise<void> {
    const job = await this.store.claim(jobId, this.deps.now());
    if (!job) {
      const current = await this.store.get(jobId);
      if (current?.state === 'running' && current.attempts >= current.maxAttempts) {
        // Re-delivered after its worker died on the last attempt.
        await this.store.fail(
          jobId,
          'WORKER_LOST',
          'The workers running this job kept stopping.',
          this.deps.now(),
        );
        this.emit(await this.store.get(jobId));
      }
      return;
    }
    this.emit(job);
    const log = this.deps.logger.child({ jobId, kind: job.kind });
    const settings = this.settings(job.kind);
    const controller = new AbortController();
    let reason: AbortReason | undefined;
    const abort = (why: AbortReason): void => {
      if (!reason) reason = why;
      controller.abort(
        new VigilError(
          why === 'timeout' ? 'JOB_TIMEOUT' : why === 'shutdown' ? 'SHUTTING_DOWN' : 'CANCELLED',
        ),
      );
    };
    const onQueueAbort = (): void => {
      const r = queueSignal.reason as unknown;
      abort(r === 'cancelled' || r === 'timeout' ? r : 'shutdown');
    };
    if (queueSignal.aborted) onQueueAbort();
    queueSignal.addEventListener('abort', onQueueAbort, { once: true });
    const timer = setTimeout(() => abort('timeout'), settings.timeoutMs);

    let lastWrite = 0;
    let pending: Promise<void> = Promise.resolve();
    const ctx: EngineContext = {
      job,
      signal: controller.signal,
      log,
      progress: (percent, step) => {
        const pct = Math.max(0, Math.min(100, Math.round(percent)));
        const now = this.deps.now();
        job.progress = pct;
        if (step) job.step = step;
        job.updatedAt = now;
        this.emit({ ...job });
        if (now - lastWrite >= PROGRESS_WRITE_INTERVAL_MS || step) {
          lastWrite = now;
          pending = pending
            .then(() => this.store.progress(job.id, pct, step ?? null, now))
            .catch((err: unknown) => log.warn({ err }, 'progress write failed'));
        }
      },
    };

    const started = this.deps.now();
    try {
      const engine = this.engine(job.kind);
      const result = await raceAbort(engine.run(job.target, job.options, ctx), controller.signal);
      await pending;
      if (reason) throw controller.signal.reason;
      if (await this.store.complete(job.id, result, this.deps.now())) {
        this.deps.metrics?.jobFinished(job.kind, 'done', (this.deps.now() - started) / 1000);
      }
    } catch (err) {
      await pending;
      await this.handleFailure(job, err, reason, log, started);
    } finally {
      clearTimeout(timer);
      queueSignal.removeEventListener('abort', onQueueAbort);
      this.emit(await this.store.get(job.id));
    }
  }

  private async handleFailure(
    job: Job,
    err: unknown,
    reason: AbortReason | undefined,
    log: Logger,
    started: number,
  ): Promise<void> {
    const now = this.deps.now();
    if (reason === 'cancelled') return; // cancel() already marked it failed/CANCELLED
    if (reason === 'shutdown') {
      // Interrupted by our own shutdown: not the job's fault, so the attempt is refunded.
      await this.store.requeue(job.id, now, now, null, true);
      log.info('job re-queued on shutdown');
      return;
    }
    const error =
      reason === 'timeout'
        ? new VigilError(
            'JOB_TIMEOUT',
            `The ${job.kind} scan exceeded ${this.settings(job.kind).timeoutMs} ms.`,
          )
        : toVigilError(err, 'ENGINE_FAILED');
    if (error.retryable && job.attempts < job.maxAttempts) {
      const delay = this.deps.config.jobs.retryBaseDelayMs * 2 ** (job.attempts - 1);
      if (await this.store.requeue(job.id, now + delay, now, { code: error.code, message: error.message })) {
        log.warn({ code: error.code, attempt: job.attempts, delay }, 'job failed transiently; retrying');
        try {
          await this.deps.queue.enqueue({ ...job }, { delayMs: delay });
        } catch (enqueueErr) {
          log.error({ err: enqueueErr }, 're-enqueue failed; recovery will pick the job up');
        }
      }
      return;
    }
    if (error.code === 'ENGINE_FAILED' || error.code === 'INTERNAL') log.error({ err }, 'job failed');
    else log.info({ code: error.code }, 'job failed');
    if (await this.store.fail(job.id, error.code, error.message, now)) {
      this.deps.metrics?.jobFinished(job.kind, 'failed', (now - started) / 1000);
    }
  }

  /**
   * The periodic safety net: re-enqueues jobs still `new` after `olderThanMs`
   * (their enqueue failed, e.g. Redis was down), and jobs `running` with no
   * update for longer than their timeout plus `olderThanMs` — their timeout
   * would have ended them, so their worker and queue entry are gone (a worker
   * crash together with lost queue data).
   */
  async sweep(olderThanMs: number): Promise<number> {
    const now = this.deps.now();
    const stale = (await this.store.active()).filter(
      (j) => j.state === 'new' && j.createdAt < now - olderThanMs,
    );
    for (const job of stale) {
      await this.deps.queue.enqueue(job);
      await this.store.markQueued(job.id, this.deps.now());
    }
    let orphans = 0;
    for (const job of await this.store.staleRunning(now - olderThanMs)) {
      if (job.updatedAt >= now - this.settings(job.kind).timeoutMs - olderThanMs) continue;
      if (job.attempts >= job.maxAttempts) {
        await this.store.fail(job.id, 'WORKER_LOST', 'The job stopped reporting while running.', now);
      } else if (
        await this.store.requeue(job.id, now, now, { code: 'WORKER_LOST', message: 'orphaned run' })
      ) {
        await this.deps.queue.enqueue(job);
      }
      orphans++;
    }
    return stale.length + orphans;
  }

  /**
   * Puts every unfinished job back on the queue after a (re)start. With
   * `resetRunning` (single process: nothing else can be running them), jobs
   * left `running` by a crash go back to queued, or fail WORKER_LOST once they
   * have used all attempts (a job that kills its worker must not loop forever).
   */
  async recover(options: { resetRunning: boolean }): Promise<number> {
    const jobs = await this.store.active();
    let count = 0;
    for (const job of jobs) {
      const now = this.deps.now();
      if (job.state === 'running') {
        if (!options.resetRunning) continue;
        if (job.attempts >= job.maxAttempts) {
          await this.store.fail(job.id, 'WORKER_LOST', 'The worker stopped while running this job.', now);
          continue;
        }
        await this.store.requeue(job.id, now, now, null);
      }
      await this.deps.queue.enqueue(job, { delayMs: Math.max(0, job.runAfter - now) });
      await this.store.markQueued(job.id, now);
      count++;
    }
    return count;
  }
}

/** Resolves/rejects with the promise, or rejects as soon as the signal aborts (engines that ignore it). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
