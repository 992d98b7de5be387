import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../src/core/engine.js';
import type { VigilError } from '../../src/core/errors.js';
import { createTestEngine } from '../../src/engines/testing/index.js';
import { makeTestRuntime, type TestRuntime } from '../helpers/runtime.js';

describe('job service', () => {
  let t: TestRuntime;
  const hang: Engine = {
    kind: 'hang',
    title: 'never finishes unless aborted',
    normalize: (target, options) => ({ target, options }),
    run: (_target, _options, ctx) =>
      new Promise((_resolve, reject) =>
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
      ),
    defaults: { timeoutMs: 60_000, concurrency: 1 },
  };
  const crash: Engine = {
    kind: 'crash',
    title: 'throws a plain error',
    normalize: (target, options) => ({ target, options }),
    run: async () => {
      throw new TypeError('unexpected engine bug');
    },
  };
  const slow: Engine = { ...createTestEngine('slow'), defaults: { timeoutMs: 150, maxAttempts: 1 } };

  before(async () => {
    t = await makeTestRuntime({ engines: () => [createTestEngine(), hang, crash, slow] });
  });
  after(async () => t.close());

  it('persists a job, runs it and keeps its result and progress', async () => {
    const { job, created } = await t.runtime.jobs.submit({
      kind: 'test',
      target: 'one',
      options: { durationMs: 20 },
    });
    assert.equal(created, true);
    assert.ok(['new', 'queued', 'running'].includes(job.state));
    const done = await t.runtime.jobs.waitFor(job.id, { timeoutMs: 5_000 });
    assert.equal(done.state, 'done');
    assert.equal(done.progress, 100);
    assert.equal(done.step, 'step-5');
    assert.deepEqual((done.result as { target: string }).target, 'one');
    assert.ok(done.startedAt && done.finishedAt && done.finishedAt >= done.startedAt);
  });

  it('returns the existing job for the same kind+target+options+owner within the window', async () => {
    const a = await t.runtime.jobs.submit({
      kind: 'test',
      target: 'dup',
      options: { durationMs: 10 },
      ownerAppId: 'o1',
    });
    const b = await t.runtime.jobs.submit({
      kind: 'test',
      target: 'dup',
      options: { durationMs: 10 },
      ownerAppId: 'o1',
    });
    assert.equal(b.created, false);
    assert.equal(b.job.id, a.job.id);
    const otherOptions = await t.runtime.jobs.submit({
      kind: 'test',
      target: 'dup',
      options: { durationMs: 11 },
      ownerAppId: 'o1',
    });
    assert.equal(otherOptions.created, true);
    const otherOwner = await t.runtime.jobs.submit({
      kind: 'test',
      target: 'dup',
      options: { durationMs: 10 },
      ownerAppId: 'o2',
    });
    assert.equal(otherOwner.created, true);
    const noWindow = await t.runtime.jobs.submit(
      { kind: 'test', target: 'dup', options: { durationMs: 10 }, ownerAppId: 'o1' },
      { dedupeWindowMs: 0 },
    );
    assert.equal(noWindow.created, true);
  });

  it('rejects unknown kinds and invalid targets before persisting anything', async () => {
    await assert.rejects(
      t.runtime.jobs.submit({ kind: 'nope', target: 'x' }),
      (e: VigilError) => e.code === 'UNKNOWN_KIND',
    );
    await assert.rejects(
      t.runtime.jobs.submit({ kind: 'test', target: 'has spaces!' }),
      (e: VigilError) => e.code === 'INVALID_TARGET',
    );
    const { jobs } = await t.runtime.jobs.list({ target: 'has spaces!' });
    assert.equal(jobs.length, 0);
  });

  it('retries transient failures with backoff until an attempt succeeds', async () => {
    const { job } = await t.runtime.jobs.submit({
      kind: 'test',
      target: 'flaky',
      options: { fail: 'transient', succeedOnAttempt: 3, durationMs: 5 },
    });
    const done = await t.runtime.jobs.waitFor(job.id, { timeoutMs: 10_000 });
    assert.equal(done.state, 'done');
    assert.equal(done.attempts, 3);
    assert.equal((done.result as { attempt: number }).attempt, 3);
  });

  it('fails after the last attempt with the transient code, and at once on permanent errors', async () => {
    const transient = await t.runtime.jobs.submit({
      kind: 'test',
      target: 'always-down',
      options: { fail: 'transient' },
    });
    const failed = await t.runtime.jobs.waitFor(transient.job.id, { timeoutMs: 10_000 });
    assert.equal(failed.state, 'failed');
    assert.equal(failed.failureCode, 'UPSTREAM_UNAVAILABLE');
    assert.equal(failed.attempts, 3);
    const permanent = await t.runtime.jobs.submit({
      kind: 'test',
      target: 'bad',
      options: { fail: 'permanent', durationMs: 1 },
    });
    const p = await t.runtime.jobs.waitFor(permanent.job.id, { timeoutMs: 5_000 });
    assert.equal(p.failureCode, 'INVALID_TARGET');
    assert.equal(p.attempts, 1);
  });

  it('turns an engine bug into ENGINE_FAILED without crashing', async () => {
    const { job } = await t.runtime.jobs.submit({ kind: 'crash', target: 'x' });
    const failed = await t.runtime.jobs.waitFor(job.id, { timeoutMs: 5_000 });
    assert.equal(failed.failureCode, 'ENGINE_FAILED');
    assert.match(failed.failureMessage ?? '', /unexpected engine bug/);
  });

  it('times out a job that exceeds its kind timeout', async () => {
    const { job } = await t.runtime.jobs.submit({
      kind: 'slow',
      target: 'x',
      options: { durationMs: 5_000 },
    });
    const failed = await t.runtime.jobs.waitFor(job.id, { timeoutMs: 10_000 });
    assert.equal(failed.state, 'failed');
    assert.equal(failed.failureCode, 'JOB_TIMEOUT');
  });

  it('cancels a running job and a queued one; finished jobs cannot be cancelled', async () => {
    const running = await t.runtime.jobs.submit({ kind: 'hang', target: 'r' });
    await t.runtime.jobs.waitFor(running.job.id, { timeoutMs: 300 }).catch(() => undefined);
    const queued = await t.runtime.jobs.submit({ kind: 'hang', target: 'q' });
    const c1 = await t.runtime.jobs.cancel(queued.job.id);
    assert.equal(c1.state, 'failed');
    assert.equal(c1.failureCode, 'CANCELLED');
    const c2 = await t.runtime.jobs.cancel(running.job.id);
    assert.equal(c2.failureCode, 'CANCELLED');
    const final = await t.runtime.jobs.waitFor(running.job.id, { timeoutMs: 5_000 });
    assert.equal(final.failureCode, 'CANCELLED');
    await assert.rejects(
      t.runtime.jobs.cancel(running.job.id),
      (e: VigilError) => e.code === 'JOB_NOT_CANCELLABLE',
    );
    await assert.rejects(t.runtime.jobs.cancel('missing'), (e: VigilError) => e.code === 'JOB_NOT_FOUND');
  });

  it('reports progress to watchers', async () => {
    const seen: number[] = [];
    const { job } = await t.runtime.jobs.submit({
      kind: 'test',
      target: 'watched',
      options: { durationMs: 50, steps: 4 },
    });
    const stop = t.runtime.jobs.watch(job.id, (j) => seen.push(j.progress));
    await t.runtime.jobs.waitFor(job.id, { timeoutMs: 5_000 });
    stop();
    assert.ok(seen.includes(50) && seen.includes(100), `progress seen: ${seen.join(',')}`);
  });
});

describe('recovery after a crash', () => {
  it('re-queues jobs left queued or running and finishes them on the next start', async () => {
    const first = await makeTestRuntime({ start: false });
    const dataDir = first.dataDir;
    const a = await first.runtime.jobs.submit({
      kind: 'test',
      target: 'left-queued',
      options: { durationMs: 5 },
    });
    const b = await first.runtime.jobs.submit({
      kind: 'test',
      target: 'left-running',
      options: { durationMs: 5 },
    });
    // Simulate a process that died mid-run: the store says running, nothing runs it.
    await first.runtime.jobService.store.claim(b.job.id, Date.now());
    await first.app.close();
    await first.runtime.db.close();

    const second = await makeTestRuntime({ dataDir });
    try {
      for (const id of [a.job.id, b.job.id]) {
        const done = await second.runtime.jobs.waitFor(id, { timeoutMs: 5_000 });
        assert.equal(done.state, 'done', `${id} finished after restart`);
      }
      assert.equal((await second.runtime.jobs.get(b.job.id))?.attempts, 2);
    } finally {
      await second.close();
    }
  });

  it('fails a job with WORKER_LOST once it has used every attempt', async () => {
    const first = await makeTestRuntime({ start: false });
    const { job } = await first.runtime.jobs.submit({
      kind: 'test',
      target: 'poison',
      options: { durationMs: 5 },
    });
    for (let i = 0; i < 3; i++) {
      await first.runtime.jobService.store.claim(job.id, Date.now());
    }
    await first.app.close();
    await first.runtime.db.close();
    const second = await makeTestRuntime({ dataDir: first.dataDir });
    try {
      const final = await second.runtime.jobs.waitFor(job.id, { timeoutMs: 5_000 });
      assert.equal(final.failureCode, 'WORKER_LOST');
    } finally {
      await second.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('re-queues a running job without counting the interrupted attempt', async () => {
    const first = await makeTestRuntime({ config: { server: { shutdownGraceMs: 50 } } });
    const { job } = await first.runtime.jobs.submit({
      kind: 'test',
      target: 'long',
      options: { durationMs: 30_000 },
    });
    for (let i = 0; i < 100 && (await first.runtime.jobs.get(job.id))?.state !== 'running'; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await first.app.close();
    await first.runtime.close();
    const { openSqlite } = await import('../../src/core/db/sqlite.js');
    const { JobStore } = await import('../../src/core/jobs/store.js');
    const db = openSqlite(`${first.dataDir}/vigil.db`);
    const after = await new JobStore(db).get(job.id);
    await db.close();
    assert.equal(after?.state, 'queued');
    assert.equal(after?.attempts, 0);
  });
});

describe('sweep', () => {
  it('re-runs a job left running past its timeout with no worker, and fails one out of attempts', async () => {
    const t = await makeTestRuntime({ config: { jobs: { kinds: { test: { timeoutMs: 1_000 } } } } });
    try {
      const orphan = await t.runtime.jobs.submit({
        kind: 'test',
        target: 'orphan',
        options: { durationMs: 5 },
      });
      await t.runtime.jobs.waitFor(orphan.job.id, { timeoutMs: 5_000 });
      const exhausted = await t.runtime.jobs.submit({
        kind: 'test',
        target: 'exhausted',
        options: { durationMs: 5 },
      });
      await t.runtime.jobs.waitFor(exhausted.job.id, { timeoutMs: 5_000 });
      // Make both look like runs whose worker and queue entry vanished an hour ago.
      const hourAgo = Date.now() - 3_600_000;
      await t.runtime.db.exec(
        "UPDATE jobs SET state = 'running', attempts = 1, updated_at = ? WHERE id = ?",
        [hourAgo, orphan.job.id],
      );
      await t.runtime.db.exec(
        "UPDATE jobs SET state = 'running', attempts = 3, updated_at = ? WHERE id = ?",
        [hourAgo, exhausted.job.id],
      );
      assert.equal(await t.runtime.jobService.sweep(10_000), 2);
      const rerun = await t.runtime.jobs.waitFor(orphan.job.id, { timeoutMs: 5_000 });
      assert.equal(rerun.state, 'done');
      assert.equal(rerun.attempts, 2);
      assert.equal((await t.runtime.jobs.get(exhausted.job.id))?.failureCode, 'WORKER_LOST');
    } finally {
      await t.close();
    }
  });

  it('never re-claims a running job that has used its attempts', async () => {
    const t = await makeTestRuntime({ start: false });
    try {
      const { job } = await t.runtime.jobs.submit({ kind: 'test', target: 'redelivered' });
      await t.runtime.db.exec("UPDATE jobs SET state = 'running', attempts = 3 WHERE id = ?", [job.id]);
      await t.runtime.jobService.run(job.id, new AbortController().signal);
      assert.equal((await t.runtime.jobs.get(job.id))?.failureCode, 'WORKER_LOST');
    } finally {
      await t.close();
    }
  });
});
