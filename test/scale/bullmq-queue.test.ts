import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BullmqQueue, createBullQueue, parseQueueUrl } from '../../src/core/queue/bullmq.js';
import type { JobRunner } from '../../src/core/queue/types.js';
import { dropRedisPrefix, REDIS_URL, redisSkip, uniqueName } from './services.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('parseQueueUrl', () => {
  test('takes Vigil parameters off the Redis URL', () => {
    const p = parseQueueUrl('redis://127.0.0.1:6379/2?prefix=vx&lockMs=5000&stalledMs=1000&maxStalled=2');
    assert.deepEqual(p, {
      redisUrl: 'redis://127.0.0.1:6379/2',
      prefix: 'vx',
      lockDurationMs: 5000,
      stalledIntervalMs: 1000,
      maxStalledCount: 2,
    });
  });
  test('refuses other schemes and bad numbers with CONFIG_INVALID', () => {
    assert.throws(() => parseQueueUrl('http://x'), { code: 'CONFIG_INVALID' });
    assert.throws(() => parseQueueUrl('redis://x?lockMs=soon'), { code: 'CONFIG_INVALID' });
  });
});

describe('BullmqQueue on a real Redis', async () => {
  const skip = await redisSkip();
  const open: BullmqQueue[] = [];
  const prefixes: string[] = [];

  function make(
    kinds: string[],
    extra: Partial<ConstructorParameters<typeof BullmqQueue>[0]> = {},
  ): BullmqQueue {
    const prefix = prefixes[prefixes.length - 1] ?? uniqueName('q');
    const queue = new BullmqQueue({ url: REDIS_URL, prefix, kinds, ...extra });
    open.push(queue);
    return queue;
  }
  function fresh(): void {
    prefixes.push(uniqueName('q'));
  }

  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.close(0)));
    for (const p of prefixes.splice(0)) await dropRedisPrefix(p);
  });

  test('a job enqueued by one process runs once in another; the same id+attempt twice runs once', {
    skip,
  }, async () => {
    fresh();
    const api = make([]);
    const worker = make(['alpha']);
    const seen: string[] = [];
    await worker.startWorkers({ run: async (id) => void seen.push(id) }, () => 2);
    await api.enqueue({ id: 'j1', kind: 'alpha', attempts: 0 });
    await api.enqueue({ id: 'j1', kind: 'alpha', attempts: 0 });
    await api.enqueue({ id: 'j2', kind: 'alpha', attempts: 0 });
    await until(() => seen.length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(seen.sort(), ['j1', 'j2']);
    // A later attempt of the same job is a new delivery.
    await api.enqueue({ id: 'j1', kind: 'alpha', attempts: 1 });
    await until(() => seen.length === 3);
  });

  test('per-kind concurrency bounds parallel runs; kinds do not block each other', { skip }, async () => {
    fresh();
    const queue = make(['slow', 'fast']);
    let active = 0;
    let peak = 0;
    const gate = deferred();
    const fastDone: string[] = [];
    const runner: JobRunner = {
      run: async (id) => {
        if (id.startsWith('f')) {
          fastDone.push(id);
          return;
        }
        active++;
        peak = Math.max(peak, active);
        await gate.promise;
        active--;
      },
    };
    await queue.startWorkers(runner, (kind) => (kind === 'slow' ? 3 : 1));
    for (let i = 0; i < 8; i++) await queue.enqueue({ id: `s${i}`, kind: 'slow', attempts: 0 });
    await until(() => active === 3);
    await queue.enqueue({ id: 'f1', kind: 'fast', attempts: 0 });
    await until(() => fastDone.length === 1);
    const depth = await queue.depth();
    assert.deepEqual(depth.slow, { waiting: 5, running: 3 });
    gate.resolve();
    await until(
      async () => (await queue.depth()).slow?.running === 0 && (await queue.depth()).slow?.waiting === 0,
    );
    assert.equal(peak, 3);
  });

  test('a delayed enqueue waits its delay', { skip }, async () => {
    fresh();
    const queue = make(['alpha']);
    let ranAt = 0;
    await queue.startWorkers(
      {
        run: async () => {
          ranAt = Date.now();
        },
      },
      () => 1,
    );
    const start = Date.now();
    await queue.enqueue({ id: 'd1', kind: 'alpha', attempts: 1 }, { delayMs: 600 });
    assert.deepEqual((await queue.depth()).alpha, { waiting: 1, running: 0 });
    await until(() => ranAt > 0);
    assert.ok(ranAt - start >= 600, `ran after ${ranAt - start} ms`);
  });

  test('cancel from another process aborts a running job with reason "cancelled"', { skip }, async () => {
    fresh();
    const api = make([]);
    const worker = make(['alpha']);
    let reason: unknown;
    const started = deferred();
    await worker.startWorkers(
      {
        run: (_id, signal) =>
          new Promise<void>((resolve) => {
            started.resolve();
            signal.addEventListener('abort', () => {
              reason = signal.reason;
              resolve();
            });
          }),
      },
      () => 1,
    );
    await api.enqueue({ id: 'c1', kind: 'alpha', attempts: 0 });
    await started.promise;
    await api.cancel({ id: 'c1', kind: 'alpha' });
    await until(() => reason !== undefined);
    assert.equal(reason, 'cancelled');
  });

  test('cancel removes a waiting job before any worker takes it', { skip }, async () => {
    fresh();
    const api = make([]);
    await api.enqueue({ id: 'w1', kind: 'alpha', attempts: 0 }, { delayMs: 300 });
    await api.cancel({ id: 'w1', kind: 'alpha' });
    assert.deepEqual((await api.depth()).alpha, { waiting: 0, running: 0 });
    const worker = make(['alpha']);
    const seen: string[] = [];
    await worker.startWorkers({ run: async (id) => void seen.push(id) }, () => 1);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(seen, []);
  });

  test('close(grace) lets short jobs finish, aborts long ones with "shutdown" and hands them to another worker', {
    skip,
  }, async () => {
    fresh();
    const first = make(['alpha']);
    const reasons: unknown[] = [];
    const started: string[] = [];
    await first.startWorkers(
      {
        run: (id, signal) =>
          new Promise<void>((resolve) => {
            started.push(id);
            if (id === 'short') setTimeout(resolve, 50);
            signal.addEventListener('abort', () => {
              reasons.push(signal.reason);
              resolve();
            });
          }),
      },
      () => 2,
    );
    await first.enqueue({ id: 'short', kind: 'alpha', attempts: 0 });
    await first.enqueue({ id: 'long', kind: 'alpha', attempts: 0 });
    await until(() => started.length === 2);
    await first.close(300);
    assert.deepEqual(reasons, ['shutdown']);
    const second = make(['alpha']);
    const seen: string[] = [];
    await second.startWorkers({ run: async (id) => void seen.push(id) }, () => 1);
    await until(() => seen.length === 1);
    assert.deepEqual(seen, ['long']);
  });

  test('a re-enqueue of the delivery still running here is added once it has left', { skip }, async () => {
    fresh();
    const queue = make(['alpha']);
    let runs = 0;
    await queue.startWorkers(
      {
        run: async (id) => {
          runs++;
          if (runs === 1) await queue.enqueue({ id, kind: 'alpha', attempts: 0 });
        },
      },
      () => 1,
    );
    await queue.enqueue({ id: 'again', kind: 'alpha', attempts: 0 });
    await until(() => runs === 2);
  });

  test('jobs of a SIGKILLed worker process are recovered by another worker', { skip }, async () => {
    fresh();
    const prefix = prefixes[prefixes.length - 1]!;
    const url = `${REDIS_URL}?prefix=${prefix}&lockMs=1500&stalledMs=500`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'fixtures/hang-worker.ts'), url, 'alpha'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const lines = createInterface({ input: child.stdout! });
      const running = new Set<string>();
      const ready = deferred();
      lines.on('line', (line) => {
        if (line === 'ready') ready.resolve();
        else if (line.startsWith('running ')) running.add(line.slice(8));
      });
      await ready.promise;
      const api = await createBullQueue(url, { kinds: [] });
      open.push(api);
      for (const id of ['k1', 'k2', 'k3']) await api.enqueue({ id, kind: 'alpha', attempts: 0 });
      await until(() => running.size === 3);
      child.kill('SIGKILL');
      await once(child, 'exit');
      const survivor = await createBullQueue(url, { kinds: ['alpha'] });
      open.push(survivor);
      const seen: string[] = [];
      await survivor.startWorkers({ run: async (id) => void seen.push(id) }, () => 4);
      await until(() => seen.length === 3, 20_000);
      assert.deepEqual(seen.sort(), ['k1', 'k2', 'k3']);
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('a job whose workers keep dying is handed to onWorkerLost instead of looping', { skip }, async () => {
    fresh();
    const prefix = prefixes[prefixes.length - 1]!;
    const url = `${REDIS_URL}?prefix=${prefix}&lockMs=1500&stalledMs=500&maxStalled=0`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'fixtures/hang-worker.ts'), url, 'alpha'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const lines = createInterface({ input: child.stdout! });
      const running = new Set<string>();
      const ready = deferred();
      lines.on('line', (line) => {
        if (line === 'ready') ready.resolve();
        else if (line.startsWith('running ')) running.add(line.slice(8));
      });
      await ready.promise;
      const lost: string[] = [];
      const survivor = await createBullQueue(url, {
        kinds: ['alpha'],
        onWorkerLost: async (id) => {
          lost.push(id);
        },
      });
      open.push(survivor);
      await survivor.enqueue({ id: 'doomed', kind: 'alpha', attempts: 0 });
      await until(() => running.has('doomed'));
      child.kill('SIGKILL');
      await once(child, 'exit');
      const seen: string[] = [];
      await survivor.startWorkers({ run: async (id) => void seen.push(id) }, () => 1);
      await until(() => lost.length === 1, 20_000);
      assert.deepEqual(lost, ['doomed']);
      assert.deepEqual(seen, [], 'not re-run once its stall budget is spent');
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('an unreachable Redis fails QUEUE_UNAVAILABLE', { skip }, async () => {
    await assert.rejects(createBullQueue('redis://127.0.0.1:1', { kinds: [] }), {
      code: 'QUEUE_UNAVAILABLE',
    });
  });
});
