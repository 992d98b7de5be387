import pino, { type Logger } from 'pino';
import { loadOrCreateKey, SecretBox } from './auth/crypto.js';
import { DbNonceStore, MemoryRateLimiter, type NonceStore, type RateLimiter } from './auth/limits.js';
import { DefaultAuthService } from './auth/service.js';
import type { VigilConfig } from './config.js';
import { openDb } from './db/open.js';
import type { Db, Migration } from './db/types.js';
import { createEngineRegistry, type EngineFactory } from './engine.js';
import { VigilError } from './errors.js';
import { DefaultJobService, type JobMetrics } from './jobs/service.js';
import { MemoryQueue } from './queue/memory.js';
import type { JobQueue } from './queue/types.js';
import type { VigilRuntime } from './runtime-types.js';

export interface RuntimeOptions {
  /** Builds the engines once the store is open (the CLI passes the product engines). */
  engines: EngineFactory;
  /** Every schema step the engines need (src/engines/migrations.ts); core's own are included there. */
  migrations: readonly Migration[];
  logger?: Logger;
  now?: () => number;
  metrics?: JobMetrics;
}

export interface Runtime extends VigilRuntime {
  jobService: DefaultJobService;
  nonces: NonceStore;
  limiter: RateLimiter;
}

interface ScaleOutModule {
  createBullQueue(
    url: string,
    deps: {
      logger: Logger;
      prefix?: string;
      /** Kinds to consume, read when workers start (engines are built after the queue). */
      kinds?: () => readonly string[];
      /** A job whose workers kept dying (stalled past the limit) is failed in the store. */
      onWorkerLost?: (jobId: string) => Promise<void>;
    },
  ): Promise<JobQueue>;
  createRedisLimits(
    url: string,
    deps: { prefix?: string },
  ): Promise<{ nonces: NonceStore; limiter: RateLimiter; close(): Promise<void> }>;
}

/** How often unacknowledged (`new`) jobs are swept back onto the queue. */
const SWEEP_INTERVAL_MS = 15_000;

/**
 * Wires store, queue, auth and engines from config. `sqlite:` + `memory` is
 * the embedded default; `postgres://` and `redis://` select the scale-out
 * back ends (loaded lazily so the default mode needs neither server).
 */
export async function createRuntime(config: VigilConfig, options: RuntimeOptions): Promise<Runtime> {
  const logger = options.logger ?? pino({ level: config.log.level });
  const now = options.now ?? Date.now;
  const redis = config.queue.startsWith('redis://') || config.queue.startsWith('rediss://');
  if (!redis && config.queue !== 'memory') {
    throw new VigilError('CONFIG_INVALID', `Unknown queue "${config.queue}": use memory or redis://...`);
  }
  if (!redis && config.role !== 'all') {
    throw new VigilError(
      'CONFIG_INVALID',
      `role "${config.role}" needs a shared queue (queue: redis://...).`,
    );
  }
  const db: Db = await openDb(config.store, config.dataDir, options.migrations);
  let queue: JobQueue;
  let nonces: NonceStore;
  let limiter: RateLimiter;
  let closeLimits: () => Promise<void> = async () => {};
  try {
    if (redis) {
      const mod = (await import('./queue/bullmq.js' as string)) as ScaleOutModule;
      const limitsMod = (await import('./auth/redis-limits.js' as string)) as ScaleOutModule;
      queue = await mod.createBullQueue(config.queue, {
        logger,
        kinds: () => [...engines.keys()],
        onWorkerLost: async (jobId) => {
          await jobService.store.fail(
            jobId,
            'WORKER_LOST',
            'The workers running this job kept stopping.',
            now(),
          );
        },
      });
      const limits = await limitsMod.createRedisLimits(config.queue, {});
      nonces = limits.nonces;
      limiter = limits.limiter;
      closeLimits = limits.close;
    } else {
      queue = new MemoryQueue(logger);
      nonces = new DbNonceStore(db, now);
      limiter = new MemoryRateLimiter(now);
    }
  } catch (err) {
    await db.close();
    throw err;
  }
  const box = new SecretBox(loadOrCreateKey(config.auth.secretKey, config.dataDir));
  const auth = new DefaultAuthService({
    db,
    box,
    nonces,
    limiter,
    now,
    defaultRatePerMinute: config.quotas.defaultRatePerMinute,
    signatureWindowMs: config.auth.signatureWindowMs,
  });
  const engines = createEngineRegistry(options.engines({ config, db, logger, now }));
  const jobService = new DefaultJobService({
    db,
    queue,
    engines,
    config,
    logger,
    now,
    crossProcess: redis,
    metrics: options.metrics,
  });

  let sweep: NodeJS.Timeout | undefined;
  let closed = false;
  const runsWorkers = config.role !== 'api';

  return {
    config,
    db,
    logger,
    auth,
    queue,
    engines,
    now,
    nonces,
    limiter,
    secrets: box,
    jobs: jobService,
    jobService,
    async start() {
      if (runsWorkers) {
        const recovered = await jobService.recover({ resetRunning: !redis });
        if (recovered > 0) logger.info({ recovered }, 'recovered unfinished jobs');
        await queue.startWorkers(jobService, (kind) => jobService.settings(kind).concurrency);
      }
      sweep = setInterval(() => {
        jobService.sweep(SWEEP_INTERVAL_MS).catch((err: unknown) => logger.warn({ err }, 'sweep failed'));
      }, SWEEP_INTERVAL_MS);
      sweep.unref();
    },
    async close() {
      if (closed) return;
      closed = true;
      if (sweep) clearInterval(sweep);
      await queue.close(config.server.shutdownGraceMs);
      await closeLimits();
      await db.close();
    },
  };
}
