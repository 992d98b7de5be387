import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { VigilError } from '../../../core/errors.js';
import type { TargetPolicy } from '../../../core/net/target-policy.js';
import { CONNECT_WORKER_SOURCE } from './connect-worker-source.js';

export type PortState = 'open' | 'closed' | 'filtered';

export interface OpenPort {
  port: number;
  /** Connect round trip in milliseconds (SYN → SYN/ACK as seen by the process). */
  latencyMs: number;
}

export interface FilteredPort {
  port: number;
  /** `no-response` after every retry, or the errno (EHOSTUNREACH, ...). */
  reason: string;
}

export interface PortScanResult {
  address: string;
  family: 4 | 6;
  scanned: number;
  open: OpenPort[];
  filtered: FilteredPort[];
  closed: number;
  /** Ports whose connect only succeeded as a loopback self-connect (counted closed). */
  selfConnects: number[];
  durationMs: number;
  threads: number;
  /** Largest concurrency window reached, summed over threads. */
  peakConcurrency: number;
  /** false when the raw TCP handle was unavailable and net.Socket was used. */
  rawHandles: boolean;
  /** Connects made on a socket kept from a refused one rather than a new socket. */
  socketsReused: number;
  /** true when the scan was stopped before every port was answered. */
  aborted: boolean;
}

export interface PortScanOptions {
  ports: readonly number[];
  /** Longest wait for one connect (and the wait used for retries). */
  timeoutMs?: number;
  /** Floor for the adaptive timeout derived from measured round trips. */
  minTimeoutMs?: number;
  /** Extra attempts for ports that gave no answer. */
  retries?: number;
  /** Starting number of connects in flight (all threads together). */
  concurrency?: number;
  /** Ceiling the adaptive window may grow to (all threads together). */
  maxConcurrency?: number;
  /** Worker threads; default one per core (max 4) for large port lists, else 1. */
  threads?: number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

export const SCAN_DEFAULTS = {
  timeoutMs: 1500,
  minTimeoutMs: 300,
  retries: 1,
  concurrency: 256,
  maxConcurrency: 4096,
} as const;

const THREAD_THRESHOLD = 4096;

interface WorkerResult {
  type: 'result';
  open: Array<[number, number]>;
  filtered: Array<[number, string]>;
  closed: number;
  selfConnects: number[];
  maxWindowUsed: number;
  socketsReused: number;
  raw: boolean;
}

type WorkerMessage = { type: 'progress'; done: number } | WorkerResult;

/**
 * TCP connect scan of one address. The address is checked against the target
 * policy here, immediately before any connection (it is a literal, so no DNS
 * answer can change between this check and the connects). Ports are spread
 * round-robin over worker threads so each thread sees likely ports first.
 */
export async function scanTcpPorts(
  policy: TargetPolicy,
  address: string,
  options: PortScanOptions,
): Promise<PortScanResult> {
  const checked = policy.checkAddress(address);
  const started = performance.now();
  const ports = options.ports;
  const total = ports.length;
  const threads = Math.max(
    1,
    Math.min(
      options.threads ?? (total >= THREAD_THRESHOLD ? Math.min(availableParallelism(), 4) : 1),
      Math.ceil(total / 64) || 1,
    ),
  );
  const concurrency = options.concurrency ?? SCAN_DEFAULTS.concurrency;
  const maxConcurrency = Math.max(concurrency, options.maxConcurrency ?? SCAN_DEFAULTS.maxConcurrency);
  const timeoutMs = options.timeoutMs ?? SCAN_DEFAULTS.timeoutMs;
  const minTimeoutMs = Math.min(timeoutMs, options.minTimeoutMs ?? SCAN_DEFAULTS.minTimeoutMs);
  const retries = options.retries ?? SCAN_DEFAULTS.retries;

  const empty: PortScanResult = {
    address: checked.address,
    family: checked.family,
    scanned: 0,
    open: [],
    filtered: [],
    closed: 0,
    selfConnects: [],
    durationMs: 0,
    threads: 0,
    peakConcurrency: 0,
    rawHandles: true,
    socketsReused: 0,
    aborted: false,
  };
  if (total === 0) return empty;
  if (options.signal?.aborted) throw new VigilError('CANCELLED');

  const slices: number[][] = Array.from({ length: threads }, () => []);
  for (const [i, port] of ports.entries()) slices[i % threads]?.push(port);
  const doneBy = new Array<number>(threads).fill(0);
  let aborted = false;

  const runs = slices.map(
    (slice, index) =>
      new Promise<WorkerResult>((resolve, reject) => {
        const worker = new Worker(CONNECT_WORKER_SOURCE, {
          eval: true,
          workerData: {
            address: checked.address,
            family: checked.family,
            ports: slice,
            window: Math.max(8, Math.floor(concurrency / threads)),
            maxWindow: Math.max(8, Math.floor(maxConcurrency / threads)),
            minWindow: Math.max(4, Math.min(64, Math.floor(concurrency / threads / 4))),
            timeoutMs,
            minTimeoutMs,
            retries,
          },
        });
        const onAbort = () => {
          aborted = true;
          worker.postMessage('stop');
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        worker.on('message', (msg: WorkerMessage) => {
          if (msg.type === 'progress') {
            doneBy[index] = msg.done;
            options.onProgress?.(
              doneBy.reduce((a, b) => a + b, 0),
              total,
            );
          } else {
            options.signal?.removeEventListener('abort', onAbort);
            resolve(msg);
            void worker.terminate();
          }
        });
        worker.once('error', (err) => {
          options.signal?.removeEventListener('abort', onAbort);
          reject(new VigilError('ENGINE_FAILED', `port scan worker failed: ${err.message}`, { cause: err }));
        });
      }),
  );
  const results = await Promise.all(runs);
  const open = results.flatMap((r) => r.open.map(([port, latencyMs]) => ({ port, latencyMs })));
  open.sort((a, b) => a.port - b.port);
  const filtered = results.flatMap((r) => r.filtered.map(([port, reason]) => ({ port, reason })));
  filtered.sort((a, b) => a.port - b.port);
  return {
    address: checked.address,
    family: checked.family,
    scanned: total,
    open,
    filtered,
    closed: results.reduce((n, r) => n + r.closed, 0),
    selfConnects: results.flatMap((r) => r.selfConnects).sort((a, b) => a - b),
    durationMs: Math.round(performance.now() - started),
    threads,
    peakConcurrency: results.reduce((n, r) => n + r.maxWindowUsed, 0),
    rawHandles: results.every((r) => r.raw),
    socketsReused: results.reduce((n, r) => n + r.socketsReused, 0),
    aborted,
  };
}
