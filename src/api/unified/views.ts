import type { Job } from '../../core/jobs/types.js';

export interface ScanView {
  id: string;
  kind: string;
  target: string;
  options: Record<string, unknown>;
  state: Job['state'];
  progress: number;
  step: string | null;
  attempts: number;
  failure: { code: string; message: string } | null;
  result?: unknown;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The unified API's public shape of a job; `result` only once done. */
export function scanView(job: Job, withResult = true): ScanView {
  const view: ScanView = {
    id: job.id,
    kind: job.kind,
    target: job.target,
    options: job.options,
    state: job.state,
    progress: job.progress,
    step: job.step,
    attempts: job.attempts,
    failure:
      job.state === 'failed' && job.failureCode
        ? { code: job.failureCode, message: job.failureMessage ?? job.failureCode }
        : null,
    createdAt: new Date(job.createdAt).toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
  };
  if (withResult && job.state === 'done') view.result = job.result;
  return view;
}
