import type { Logger } from 'pino';
import type { Job } from '../jobs/types.js';
import type { EnqueueOptions, JobQueue, JobRunner } from './types.js';

interface Lane {
  waiting: string[];
  running: Map<string, AbortController>;
}

/**
 * In-process queue: FIFO per kind with bounded concurrency per kind. It holds
 * only ids; the store keeps the truth, so after a crash `recover()` rebuilds
 * the queue from the store. Delayed (retry) jobs wait on timers.
 */
export class MemoryQueue implements JobQueue {
  readonly name = 'memory';
  private readonly lanes = new Map<string, Lane>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly known = new Set<string>();
  /** Ids re-enqueued while still running (a retry with no delay): pushed again when the run ends. */
  private readonly again = new Set<string>();
  private runner: JobRunner | undefined;
  private concurrency: (kind: string) => number = () => 1;
  private closing = false;
  private readonly inflight = new Set<Promise<void>>();

  constructor(private readonly logger?: Logger) {}

  private lane(kind: string): Lane {
    let lane = this.lanes.get(kind);
    if (!lane) {
      lane = { waiting: [], running: new Map() };
      this.lanes.set(kind, lane);
    }
    return lane;
  }

  async enqueue(job: Pick<Job, 'id' | 'kind' | 'attempts'>, options: EnqueueOptions = {}): Promise<void> {
    if (this.closing) return;
    const key = `${job.kind}\u0000${job.id}`;
    if (options.delayMs && options.delayMs > 0) {
      if (this.timers.has(key)) return;
      const timer = setTimeout(() => {
        this.timers.delete(key);
        this.push(job.kind, job.id);
      }, options.delayMs);
      timer.unref();
      this.timers.set(key, timer);
      return;
    }
    this.push(job.kind, job.id);
  }

  private push(kind: string, id: string): void {
    const lane = this.lane(kind);
    if (lane.running.has(id)) {
      this.again.add(id);
      return;
    }
    // Idempotent per id: a job is waiting or running at most once here.
    if (this.known.has(id)) return;
    this.known.add(id);
    lane.waiting.push(id);
    this.pump(kind);
  }

  async startWorkers(runner: JobRunner, concurrency: (kind: string) => number): Promise<void> {
    this.runner = runner;
    this.concurrency = concurrency;
    for (const kind of this.lanes.keys()) this.pump(kind);
  }

  private pump(kind: string): void {
    const runner = this.runner;
    if (!runner || this.closing) return;
    const lane = this.lane(kind);
    const limit = Math.max(1, this.concurrency(kind));
    while (lane.running.size < limit && lane.waiting.length > 0) {
      const id = lane.waiting.shift() as string;
      const controller = new AbortController();
      lane.running.set(id, controller);
      const p = runner
        .run(id, controller.signal)
        .catch((err: unknown) => this.logger?.error({ err, jobId: id }, 'job runner threw'))
        .finally(() => {
          lane.running.delete(id);
          this.known.delete(id);
          this.inflight.delete(p);
          if (this.again.delete(id)) this.push(kind, id);
          this.pump(kind);
        });
      this.inflight.add(p);
    }
  }

  async cancel(job: Pick<Job, 'id' | 'kind'>): Promise<void> {
    const lane = this.lane(job.kind);
    const i = lane.waiting.indexOf(job.id);
    if (i >= 0) {
      lane.waiting.splice(i, 1);
      this.known.delete(job.id);
    }
    const key = `${job.kind}\u0000${job.id}`;
    const timer = this.timers.get(key);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(key);
    }
    lane.running.get(job.id)?.abort('cancelled');
  }

  async close(graceMs: number): Promise<void> {
    this.closing = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.inflight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled([...this.inflight]), grace]);
      clearTimeout(timer);
    }
    // Whatever still runs is interrupted; the runner re-queues it in the store for the next start.
    for (const lane of this.lanes.values()) for (const c of lane.running.values()) c.abort('shutdown');
    await Promise.allSettled([...this.inflight]);
  }

  async depth(): Promise<Record<string, { waiting: number; running: number }>> {
    const out: Record<string, { waiting: number; running: number }> = {};
    for (const [kind, lane] of this.lanes)
      out[kind] = { waiting: lane.waiting.length, running: lane.running.size };
    return out;
  }
}
