import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Cluster, type ScanView } from './cluster.js';
import { scaleSkip } from './services.js';

/**
 * The scale-out promise end to end: real `vigil serve` processes (2 API, 2
 * worker) on PostgreSQL + BullMQ, 200 mixed jobs submitted across both APIs,
 * one worker SIGKILLed while it runs jobs. Every job must reach exactly one
 * final result, none may be lost, and the killed worker's jobs must be re-run
 * by the survivor (stalled-job recovery).
 */

type Outcome = 'ok' | 'transient' | 'permanent';

function spec(i: number): { target: string; options: Record<string, unknown>; outcome: Outcome } {
  const target = `mp-${i}`;
  const durationMs = 200 + ((i * 137) % 800);
  if (i % 10 === 3)
    return { target, outcome: 'transient', options: { durationMs, fail: 'transient', succeedOnAttempt: 2 } };
  if (i % 20 === 7) return { target, outcome: 'permanent', options: { durationMs: 50, fail: 'permanent' } };
  return { target, outcome: 'ok', options: { durationMs, steps: 1 + (i % 5) } };
}

const FINAL = new Set(['done', 'failed']);

describe('multi-process cluster: 2 API + 2 worker processes', async () => {
  const skip = await scaleSkip();

  test('200 mixed jobs across both APIs, one worker SIGKILLed mid-run: each job completes exactly once', {
    skip,
    timeout: 300_000,
  }, async (t) => {
    const cluster = new Cluster({ workerConcurrency: 8, lockMs: 2000, stalledMs: 1000 });
    try {
      await cluster.createApp();
      const [api1, api2, worker1] = await Promise.all([
        cluster.start('api'),
        cluster.start('api'),
        cluster.start('worker'),
        cluster.start('worker'),
      ]);
      const apis = [api1, api2];
      const specs = Array.from({ length: 200 }, (_, i) => spec(i));
      const submitted = new Map<string, (typeof specs)[number]>();
      // Submit in waves of 20, alternating API processes.
      for (let i = 0; i < specs.length; i += 20) {
        const wave = specs.slice(i, i + 20);
        const views = await Promise.all(
          wave.map((s, j) =>
            cluster.submit(apis[(i + j) % 2]!, { kind: 'test', target: s.target, options: s.options }),
          ),
        );
        for (const [j, v] of views.entries()) submitted.set(v.id, wave[j]!);
      }
      assert.equal(submitted.size, 200, 'every submission created its own job');

      // Kill a worker once the run is well under way, while it holds running jobs.
      let scans: ScanView[] = [];
      for (;;) {
        scans = await cluster.listAll(api2);
        const final = scans.filter((s) => FINAL.has(s.state)).length;
        if (final >= 50) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const runningBeforeKill = scans.filter((s) => s.state === 'running').length;
      await cluster.kill(worker1, 'SIGKILL');

      const deadline = Date.now() + 180_000;
      for (;;) {
        scans = await cluster.listAll(api1);
        if (scans.filter((s) => FINAL.has(s.state)).length === 200) break;
        if (Date.now() > deadline) {
          const stuck = scans.filter((s) => !FINAL.has(s.state)).map((s) => `${s.id}:${s.state}`);
          assert.fail(`jobs not finished in time: ${stuck.slice(0, 10).join(', ')} (${stuck.length})`);
        }
        await new Promise((r) => setTimeout(r, 250));
      }

      // Exactly the submitted jobs, each once.
      assert.equal(scans.length, 200);
      assert.deepEqual(new Set(scans.map((s) => s.id)), new Set(submitted.keys()));
      let rerun = 0;
      for (const scan of scans) {
        const expected = submitted.get(scan.id)!;
        const full = await cluster.get(apis[scan.id.charCodeAt(scan.id.length - 1) % 2]!, scan.id);
        if (expected.outcome === 'permanent') {
          assert.equal(full.state, 'failed', `${expected.target} should fail`);
          assert.equal(full.failure?.code, 'INVALID_TARGET');
          continue;
        }
        assert.equal(full.state, 'done', `${expected.target}: ${full.state} ${JSON.stringify(full.failure)}`);
        const result = full.result as { target: string; attempt: number };
        assert.equal(result.target, expected.target);
        assert.equal(result.attempt, full.attempts, 'the stored result is from the last attempt');
        if (expected.outcome === 'transient') assert.ok(full.attempts >= 2);
        else if (full.attempts > 1) rerun++;
      }
      t.diagnostic(`running at kill: ${runningBeforeKill}; re-run after the kill: ${rerun}`);
      // The killed worker held running jobs; the survivor re-ran them.
      assert.ok(runningBeforeKill > 0, 'jobs were running when the worker was killed');
      assert.ok(rerun > 0, 'at least one job interrupted by the kill was re-run to completion');
    } finally {
      await cluster.close();
    }
  });
});
