/** The five product kinds; tests may register extra kinds (any lowercase identifier). */
export const PRODUCT_KINDS = ['contract', 'address', 'token', 'host', 'url'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export type JobKind = ProductKind | (string & {});

/**
 * new → queued → running → done | failed.
 * `new`: persisted, not yet handed to the queue. A cancelled job ends `failed`
 * with failure code `CANCELLED`.
 */
export const JOB_STATES = ['new', 'queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const ACTIVE_STATES: readonly JobState[] = ['new', 'queued', 'running'];
export const FINAL_STATES: readonly JobState[] = ['done', 'failed'];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JobOptions = Record<string, JsonValue>;

export interface Job<R = unknown> {
  id: string;
  kind: JobKind;
  /** Normalized by the engine (checksummed address, lower-case host, ...). */
  target: string;
  options: JobOptions;
  /** Hash of kind + target + options + owner: the dedupe identity. */
  dedupeKey: string;
  ownerAppId: string | null;
  state: JobState;
  progress: number;
  /** The engine's current step name (resolve, pools, simulation, ...). */
  step: string | null;
  attempts: number;
  maxAttempts: number;
  failureCode: string | null;
  failureMessage: string | null;
  result: R | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Earliest time a queued job may run (retry backoff). */
  runAfter: number;
}

export interface NewJobInput {
  kind: JobKind;
  target: string;
  options?: JobOptions;
  ownerAppId?: string | null;
}

export interface SubmitResult<R = unknown> {
  job: Job<R>;
  /** false when an equivalent job within the dedupe window was returned. */
  created: boolean;
}

export interface JobListFilter {
  kind?: JobKind;
  state?: JobState;
  ownerAppId?: string;
  target?: string;
  limit?: number;
  /** Opaque cursor: the `createdAt:id` of the last job of the previous page. */
  before?: string;
}
