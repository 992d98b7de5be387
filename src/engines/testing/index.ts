import type { Engine } from '../../core/engine.js';
import { VigilError } from '../../core/errors.js';

/**
 * A deterministic engine for tests of the core (queue, recovery, scale-out):
 * kind `test`, target any short string, options `{durationMs, steps, fail}`.
 * Registered only when VIGIL_TEST_ENGINES=1 or by tests directly.
 */
export interface TestEngineResult {
  target: string;
  steps: number;
  attempt: number;
  finishedAt: number;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });

export function createTestEngine(kind = 'test'): Engine<TestEngineResult> {
  return {
    kind,
    title: 'Test engine (sleeps and reports progress)',
    normalize(target, options) {
      if (typeof target !== 'string' || !/^[\w.:-]{1,128}$/.test(target)) {
        throw new VigilError('INVALID_TARGET', 'Test targets are 1-128 word characters.');
      }
      const durationMs = Number(options.durationMs ?? 50);
      if (!Number.isFinite(durationMs) || durationMs < 0 || durationMs > 600_000) {
        throw new VigilError('VALIDATION_FAILED', 'options.durationMs must be 0..600000.');
      }
      return { target, options };
    },
    async run(target, options, ctx) {
      const durationMs = Number(options.durationMs ?? 50);
      const steps = Math.max(1, Number(options.steps ?? 5));
      const fail = options.fail;
      if (
        fail === 'transient' &&
        ctx.job.attempts < Number(options.succeedOnAttempt ?? Number.POSITIVE_INFINITY)
      ) {
        throw new VigilError('UPSTREAM_UNAVAILABLE', `transient failure on attempt ${ctx.job.attempts}`);
      }
      for (let i = 1; i <= steps; i++) {
        await sleep(durationMs / steps, ctx.signal);
        ctx.progress((i / steps) * 100, `step-${i}`);
      }
      if (fail === 'permanent') throw new VigilError('INVALID_TARGET', 'permanent failure requested');
      return { target, steps, attempt: ctx.job.attempts, finishedAt: Date.now() };
    },
    defaults: { concurrency: 4, timeoutMs: 120_000, maxAttempts: 3 },
    render: {
      table: (r) => `test ${r.target}: ${r.steps} steps on attempt ${r.attempt}`,
    },
  };
}
