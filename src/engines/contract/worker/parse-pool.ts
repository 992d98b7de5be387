import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ParsedTree, parseSource, type RawParse, supportedVersions } from '../parse/parse-file.js';
import { toSyntaxTree } from '../parse/to-syntax-tree.js';
import { candidateVersions } from '../parse/version.js';

export interface ParseJob {
  path: string;
  source: string;
}

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 24;

type Reply = { id: number; result?: RawParse; error?: string };

/**
 * Parses files on the main thread plus worker threads. Workers need a moment
 * to load Slang's WASM, so the main thread starts parsing at once and the
 * workers join the shared queue when ready; results keep input order.
 */
export async function parseAll(
  jobs: ParseJob[],
  opts: { threads?: number; signal?: AbortSignal; onParsed?: (done: number) => void } = {},
): Promise<ParsedTree[]> {
  const results: ParsedTree[] = new Array(jobs.length);
  // On a badly oversubscribed machine a worker adds WASM start-up and copying but no CPU. The
  // 1-minute load average lags (a previous build or lint inflates it), so only a load well above
  // the core count turns workers off: on an idle 2-core machine they cut OpenZeppelin's parse ~35%.
  const cores = availableParallelism();
  const overloaded = (loadavg()[0] ?? 0) > 2 * cores;
  const threads = opts.threads ?? (overloaded ? 1 : cores);
  const workerCount = Math.min(threads - 1, 7, Math.floor(jobs.length / 12));
  let done = 0;
  const finish = (id: number, tree: ParsedTree) => {
    results[id] = tree;
    done++;
    opts.onParsed?.(done);
  };
  if (jobs.length < PARALLEL_THRESHOLD || workerCount < 1) {
    jobs.forEach((j, i) => {
      opts.signal?.throwIfAborted();
      finish(i, parseSource(j.path, j.source));
    });
    return results;
  }
  // Largest files first keeps the tail short.
  const order = jobs.map((_, i) => i).sort((a, b) => jobs[b]!.source.length - jobs[a]!.source.length);
  let next = 0;
  const take = () => (next < order.length ? order[next++] : undefined);
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(opts.signal?.reason ?? new Error('aborted'));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      const maybeDone = () => {
        if (done === jobs.length) {
          opts.signal?.removeEventListener('abort', onAbort);
          resolve();
        }
      };
      const feed = (w: Worker) => {
        const id = take();
        if (id === undefined) return;
        const { path, source } = jobs[id]!;
        w.postMessage({ id, path, source, versions: candidateVersions(source, supportedVersions()) });
      };
      for (let t = 0; t < workerCount; t++) {
        const w = new Worker(new URL('./parse-worker.mjs', import.meta.url));
        workers.push(w);
        w.on('message', (msg: Reply) => {
          const job = jobs[msg.id]!;
          if (msg.error !== undefined || !msg.result) {
            finish(msg.id, {
              path: job.path,
              languageVersion: 'unknown',
              tree: { kind: 'SourceUnit', label: 'Root', start: 0, end: 0, children: [] },
              errors: [{ message: `parser failed: ${msg.error}`, offset: 0 }],
            });
          } else {
            const { path, languageVersion, json, errors } = msg.result;
            finish(msg.id, { path, languageVersion, tree: toSyntaxTree(json), errors });
          }
          feed(w);
          maybeDone();
        });
        w.on('error', reject);
        feed(w);
        feed(w);
      }
      // The main thread works the same queue, yielding between files so worker replies get handled.
      const mainLoop = () => {
        if (opts.signal?.aborted) return;
        const id = take();
        if (id === undefined) return maybeDone();
        finish(id, parseSource(jobs[id]!.path, jobs[id]!.source));
        maybeDone();
        setImmediate(mainLoop);
      };
      setImmediate(mainLoop);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
