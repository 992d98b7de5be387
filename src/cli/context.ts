import type { Command } from 'commander';
import pino, { type Logger } from 'pino';
import { loadConfig, type VigilConfig } from '../core/config.js';
import type { Engine, EngineFactoryContext } from '../core/engine.js';
import { isVigilError, VigilError } from '../core/errors.js';
import { createRuntime, type Runtime, type RuntimeOptions } from '../core/runtime.js';
import { createProductEngines } from '../engines/index.js';
import { ALL_MIGRATIONS } from '../engines/migrations.js';
import { createTestEngine } from '../engines/testing/index.js';
import { EXIT } from './exit-codes.js';

export interface GlobalOptions {
  config?: string;
}

export function configFrom(command: Command, overrides: Record<string, unknown> = {}): VigilConfig {
  const globals = command.optsWithGlobals<GlobalOptions>();
  return loadConfig({ file: globals.config, overrides });
}

/** Product engines, plus the test engine when VIGIL_TEST_ENGINES=1 (used by process-level tests). */
export function allEngines(ctx: EngineFactoryContext): Engine[] {
  const engines = createProductEngines(ctx);
  if (process.env.VIGIL_TEST_ENGINES === '1') engines.push(createTestEngine());
  return engines;
}

export function cliLogger(config: VigilConfig, destination: 1 | 2 = 2): Logger {
  return pino(
    { level: process.env.VIGIL_LOG_LEVEL ?? (config.log.level === 'info' ? 'warn' : config.log.level) },
    pino.destination(destination),
  );
}

/** Opens the store and services for a one-shot command; closes them afterwards. */
export async function withRuntime<T>(
  config: VigilConfig,
  fn: (runtime: Runtime) => Promise<T>,
  options: Partial<RuntimeOptions> = {},
): Promise<T> {
  const runtime = await createRuntime(config, {
    engines: allEngines,
    migrations: ALL_MIGRATIONS,
    logger: cliLogger(config),
    ...options,
  });
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

export class CliExit extends Error {
  constructor(
    readonly code: number,
    message = '',
  ) {
    super(message);
  }
}

export function exitCodeFor(err: unknown): number {
  if (err instanceof CliExit) return err.code;
  if (isVigilError(err)) {
    if (err.code === 'CONFIG_INVALID') return EXIT.CONFIG;
    if (
      ['VALIDATION_FAILED', 'INVALID_TARGET', 'UNKNOWN_KIND', 'TARGET_DENIED', 'NOT_FOUND'].includes(err.code)
    ) {
      return EXIT.USAGE;
    }
    return EXIT.SCAN_FAILED;
  }
  return EXIT.INTERNAL;
}

export function describeError(err: unknown): string {
  if (err instanceof CliExit) return err.message;
  if (err instanceof VigilError) return `error ${err.code}: ${err.message}`;
  return `internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
}
