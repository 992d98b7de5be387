import type { Logger } from 'pino';
import type { VigilConfig } from './config.js';
import type { Db } from './db/types.js';
import type { Job, JobKind, JobOptions } from './jobs/types.js';

/** What an engine gets while it runs a job. Engines never see HTTP. */
export interface EngineContext {
  job: Job;
  /** Aborted on cancellation, timeout or shutdown; engines must stop promptly. */
  signal: AbortSignal;
  /** Reports progress 0-100 with an optional step name; cheap to call often. */
  progress(percent: number, step?: string): void;
  log: Logger;
}

export interface NormalizedTarget {
  target: string;
  options: JobOptions;
}

/** Severity-like threshold used by `vigil scan --fail-on`. */
export type FailOnLevel = string;

export interface EngineRenderers<R> {
  /** Human table for terminals. */
  table?(result: R): string;
  markdown?(result: R): string;
  /** SARIF 2.1.0 log, for engines whose findings map to source locations. */
  sarif?(result: R): unknown;
  /** Whether the result has a finding at or above `level` (for CI gating). */
  exceeds?(result: R, level: FailOnLevel): boolean;
}

export interface Engine<R = unknown> {
  kind: JobKind;
  title: string;
  /**
   * Validates and normalizes a target and its options; throws
   * VigilError('INVALID_TARGET' | 'TARGET_DENIED' | 'VALIDATION_FAILED').
   */
  normalize(target: string, options: JobOptions): Promise<NormalizedTarget> | NormalizedTarget;
  run(target: string, options: JobOptions, ctx: EngineContext): Promise<R>;
  /** Defaults come from config `jobs.kinds[kind]`, then these, then global defaults. */
  defaults?: { concurrency?: number; timeoutMs?: number; maxAttempts?: number };
  render?: EngineRenderers<R>;
}

export type EngineRegistry = ReadonlyMap<JobKind, Engine>;

export function createEngineRegistry(engines: readonly Engine[]): EngineRegistry {
  const map = new Map<JobKind, Engine>();
  for (const engine of engines) {
    if (map.has(engine.kind)) throw new Error(`engine kind registered twice: ${engine.kind}`);
    map.set(engine.kind, engine);
  }
  return map;
}

/** What engine factories receive: configuration and the I/O they may use. */
export interface EngineFactoryContext {
  config: VigilConfig;
  db: Db;
  logger: Logger;
  now(): number;
  /**
   * Whether engines may read this machine's files (contract projects by path).
   * Only the CLI's in-process `vigil scan` sets it; servers never do, so an API
   * client cannot make the server read its own files.
   */
  allowLocalPaths?: boolean;
}

export type EngineFactory = (ctx: EngineFactoryContext) => Engine[];
