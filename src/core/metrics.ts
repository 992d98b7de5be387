import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { JobMetrics } from './jobs/service.js';

export interface Metrics {
  registry: Registry;
  jobs: JobMetrics;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Registers a gauge callback that reports job counts by kind and state. */
  watchJobCounts(read: () => Promise<{ kind: string; state: string; count: number }[]>): void;
}

/** One registry per process (not prom-client's global), so tests can build several apps. */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'vigil_' });
  const jobDuration = new Histogram({
    name: 'vigil_job_duration_seconds',
    help: 'Time from a job run start to its end, by kind and outcome.',
    labelNames: ['kind', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const jobsFinished = new Counter({
    name: 'vigil_jobs_finished_total',
    help: 'Jobs finished by this process, by kind and outcome.',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'vigil_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  let reader: (() => Promise<{ kind: string; state: string; count: number }[]>) | undefined;
  new Gauge({
    name: 'vigil_jobs',
    help: 'Jobs in the store by kind and state.',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    async collect() {
      if (!reader) return;
      this.reset();
      for (const row of await reader()) this.set({ kind: row.kind, state: row.state }, row.count);
    },
  });
  return {
    registry,
    httpDuration,
    jobs: {
      jobFinished(kind, outcome, seconds) {
        jobDuration.observe({ kind, outcome }, seconds);
        jobsFinished.inc({ kind, outcome });
      },
    },
    watchJobCounts(read) {
      reader = read;
    },
  };
}
