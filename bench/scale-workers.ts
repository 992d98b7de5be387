/**
 * Throughput of the scale-out cluster with 1 vs 2 worker processes: real
 * `vigil serve` processes (1 API + N workers) on PostgreSQL + BullMQ, 200 jobs
 * of the test engine. The `test` queue is paused while the jobs are submitted
 * (so the API's submission rate does not limit the workers), then resumed;
 * timed from the resume until every job is final. Prints jobs/s per setup, the
 * 2-worker / 1-worker ratio measured in the same run, and the submission rate.
 *
 *   node --import tsx bench/scale-workers.ts [--jobs 200] [--concurrency 8]
 *
 * Needs PostgreSQL (127.0.0.1:5432, db test) and Redis (127.0.0.1:6379): scripts/ci-services.sh.
 */
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { Cluster } from '../test/scale/cluster.js';
import { REDIS_URL, scaleSkip } from '../test/scale/services.js';

const { values } = parseArgs({
  options: { jobs: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '8' } },
});
const JOBS = Number(values.jobs);
const CONCURRENCY = Number(values.concurrency);

interface Scenario {
  name: string;
  options: (i: number) => Record<string, unknown>;
}

const scenarios: Scenario[] = [
  // The test's mix: I/O-like jobs of 200-1000 ms, some failing once then succeeding.
  {
    name: 'mixed 200-1000 ms jobs',
    options: (i) =>
      i % 10 === 3
        ? { durationMs: 200 + ((i * 137) % 800), fail: 'transient', succeedOnAttempt: 2 }
        : { durationMs: 200 + ((i * 137) % 800), steps: 1 + (i % 5) },
  },
  // No work at all: what the queue + store path itself sustains.
  { name: 'zero-work jobs (overhead)', options: () => ({ durationMs: 0, steps: 1 }) },
];

const submitSeconds: number[] = [];

async function run(workers: number, scenario: Scenario, round: number): Promise<number> {
  const cluster = new Cluster({ workerConcurrency: CONCURRENCY });
  try {
    await cluster.createApp();
    const [api] = await Promise.all([
      cluster.start('api'),
      ...Array.from({ length: workers }, () => cluster.start('worker')),
    ]);
    const queue = new Queue('test', { connection: { url: REDIS_URL }, prefix: cluster.prefix });
    await queue.pause();
    const submitStart = performance.now();
    for (let i = 0; i < JOBS; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, JOBS - i) }, (_, j) =>
          cluster.submit(api!, {
            kind: 'test',
            target: `b${round}-${i + j}`,
            options: scenario.options(i + j),
          }),
        ),
      );
    }
    submitSeconds.push((performance.now() - submitStart) / 1000);
    const start = performance.now();
    await queue.resume();
    await queue.close();
    for (;;) {
      const scans = await cluster.listAll(api!);
      if (scans.filter((s) => s.state === 'done' || s.state === 'failed').length === JOBS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return (performance.now() - start) / 1000;
  } finally {
    await cluster.close();
  }
}

const skip = await scaleSkip();
if (skip) {
  console.log(`skipped: ${skip}`);
  process.exit(0);
}
console.log(`${JOBS} jobs, test-engine concurrency ${CONCURRENCY} per worker process, 1 API process`);
let round = 0;
for (const scenario of scenarios) {
  const one = await run(1, scenario, round++);
  const two = await run(2, scenario, round++);
  console.log(
    `${scenario.name.padEnd(28)} 1 worker: ${one.toFixed(2)} s (${(JOBS / one).toFixed(1)} jobs/s)   ` +
      `2 workers: ${two.toFixed(2)} s (${(JOBS / two).toFixed(1)} jobs/s)   ratio 2w/1w: ${(one / two).toFixed(2)}x` +
      `   (one API accepted ${submitSeconds
        .slice(-2)
        .map((s) => (JOBS / s).toFixed(0))
        .join(' / ')} submissions/s)`,
  );
}
