import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JobQueue, JobRunner } from '../../src/core/queue/types.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for: ${what}`);
    await tick(5);
  }
}

class RecordingRunner implements JobRunner {
  readonly started: string[] = [];
  readonly finished: string[] = [];
  readonly aborted = new Map<string, unknown>();
  running = 0;
  maxRunning = 0;
  constructor(private readonly durationMs: (id: string) => number = () => 20) {}
  async run(id: string, signal: AbortSignal): Promise<void> {
    this.started.push(id);
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.durationMs(id));
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(t);
            this.aborted.set(id, signal.reason);
            resolve();
          },
          { once: true },
        );
      });
    } finally {
      this.running--;
      this.finished.push(id);
    }
  }
}

/**
 * The queue contract every JobQueue passes (in-process by default, BullMQ in
 * scale-out). `open` returns a fresh queue isolated from other tests.
 */
export function runQueueContract(name: string, open: () => Promise<JobQueue>): void {
  describe(`Queue contract: ${name}`, () => {
    const job = (id: string, kind = 'qa') => ({ id, kind, attempts: 0 });

    it('delivers every enqueued job to the runner once, even when enqueued twice while waiting', async () => {
      const q = await open();
      const runner = new RecordingRunner();
      for (let i = 0; i < 12; i++) await q.enqueue(job(`once-${i}`));
      await q.enqueue(job('once-0'));
      await q.startWorkers(runner, () => 4);
      await until(() => runner.finished.length >= 12, '12 jobs');
      await tick(50);
      assert.equal(runner.started.filter((id) => id === 'once-0').length, 1);
      assert.equal(new Set(runner.started).size, 12);
      await q.close(1_000);
    });

    it('keeps per-kind concurrency within its bound', async () => {
      const q = await open();
      const runner = new RecordingRunner(() => 40);
      await q.startWorkers(runner, (kind) => (kind === 'narrow' ? 2 : 8));
      for (let i = 0; i < 8; i++) await q.enqueue(job(`narrow-${i}`, 'narrow'));
      await until(() => runner.finished.length >= 8, '8 jobs');
      assert.ok(runner.maxRunning <= 2, `ran ${runner.maxRunning} at once`);
      assert.ok(runner.maxRunning >= 2, 'used the allowed concurrency');
      await q.close(1_000);
    });

    it('runs a delayed job after jobs enqueued later without delay', async () => {
      const q = await open();
      const runner = new RecordingRunner(() => 1);
      await q.startWorkers(runner, () => 1);
      await q.enqueue(job('later'), { delayMs: 300 });
      await q.enqueue(job('sooner'));
      await until(() => runner.finished.includes('later'), 'delayed job');
      assert.deepEqual(runner.started, ['sooner', 'later']);
      await q.close(1_000);
    });

    it('removes a waiting job on cancel and aborts a running one with reason "cancelled"', async () => {
      const q = await open();
      const runner = new RecordingRunner(() => 5_000);
      await q.startWorkers(runner, () => 1);
      await q.enqueue(job('running-one'));
      await until(() => runner.started.includes('running-one'), 'first job running');
      await q.enqueue(job('waiting-one'));
      await q.cancel(job('waiting-one'));
      await q.cancel(job('running-one'));
      await until(() => runner.finished.includes('running-one'), 'cancelled job ended');
      assert.equal(runner.aborted.get('running-one'), 'cancelled');
      await tick(100);
      assert.ok(!runner.started.includes('waiting-one'), 'a cancelled waiting job never runs');
      await q.close(1_000);
    });

    it('on close waits for the grace period, then aborts with reason "shutdown"', async () => {
      const q = await open();
      const runner = new RecordingRunner((id) => (id === 'quick' ? 10 : 60_000));
      await q.startWorkers(runner, () => 2);
      await q.enqueue(job('quick'));
      await q.enqueue(job('slow'));
      await until(() => runner.started.length === 2, 'both started');
      await q.close(200);
      assert.ok(runner.finished.includes('quick'));
      assert.equal(runner.aborted.get('slow'), 'shutdown');
    });
  });
}
