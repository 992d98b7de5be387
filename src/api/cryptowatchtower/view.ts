import type { Job } from '../../core/jobs/types.js';
import { reasonOfFailure } from '../../engines/token/reasons.js';
import type { TokenScanResult } from '../../engines/token/types.js';

export type WatchtowerState = 'active' | 'completed' | 'failed';

export interface WatchtowerResult {
  id: string;
  state: WatchtowerState;
  /** As in the seed: a string while active, a number once completed or failed. */
  progress: string | number;
  reason?: string;
  data: Record<string, unknown>;
}

/** Job → the seed's result object. Pure, so every field is unit-tested. */
export function watchtowerResult(job: Job, options: { details?: boolean } = {}): WatchtowerResult {
  if (job.state === 'done') {
    const r = job.result as TokenScanResult;
    return {
      id: job.id,
      state: 'completed',
      progress: 100,
      data: {
        token: r.token,
        riskRating: r.riskRating,
        unLaunched: r.unLaunched,
        scannedAt: r.scannedAt,
        // Vigil's additions (clients of the vendor ignore unknown fields).
        riskLevel: r.band,
        factors: r.factors,
        ...(options.details ? { details: r.details, stats: r.stats } : {}),
      },
    };
  }
  if (job.state === 'failed') {
    return {
      id: job.id,
      state: 'failed',
      progress: job.progress,
      reason: reasonOfFailure(job.failureCode, job.failureMessage),
      data: {},
    };
  }
  return { id: job.id, state: 'active', progress: String(job.progress), data: {} };
}
