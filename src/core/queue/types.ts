import type { Job } from '../jobs/types.js';

/**
 * Executes one job by id; owned by the JobService (state changes, retries,
 * timeouts). Queues abort the signal with reason `'cancelled'` (cancel()) or
 * `'shutdown'` (close() after the grace period); the runner acts on it.
 */
export interface JobRunner {
  run(jobId: string, signal: AbortSignal): Promise<void>;
}

export interface EnqueueOptions {
  /** Run no earlier than this many milliseconds from now (retry backoff). */
  delayMs?: number;
}

/**
 * Moves job ids from submitters to workers. The store is the source of truth
 * for job state; a queue only carries ids, so a job can always be re-enqueued
 * from the store (crash recovery). `enqueue` must be idempotent per job id and
 * attempt.
 */
export interface JobQueue {
  readonly name: string;
  enqueue(job: Pick<Job, 'id' | 'kind' | 'attempts'>, options?: EnqueueOptions): Promise<void>;
  /** Starts consuming with per-kind concurrency (worker role). */
  startWorkers(runner: JobRunner, concurrency: (kind: string) => number): Promise<void>;
  /** Removes a waiting job or aborts a running one wherever it runs. */
  cancel(job: Pick<Job, 'id' | 'kind'>): Promise<void>;
  /**
   * Stops taking work; waits up to graceMs for running jobs, then aborts them
   * (the runner re-queues aborted jobs when the reason is shutdown).
   */
  close(graceMs: number): Promise<void>;
  /** Number of jobs waiting or running in this process / cluster, per kind. */
  depth(): Promise<Record<string, { waiting: number; running: number }>>;
}
