import type { Command } from 'commander';
import type { EngineContext } from '../../core/engine.js';
import { VigilError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Job, JobOptions, JsonValue } from '../../core/jobs/types.js';
import { ALL_MIGRATIONS } from '../../engines/migrations.js';
import { allEngines, CliExit, cliLogger, configFrom } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { progressBar } from '../progress-bar.js';

interface ScanFlags {
  json?: boolean;
  sarif?: boolean;
  table?: boolean;
  markdown?: boolean;
  failOn?: string;
  ports?: string;
  chainId?: string;
  opt?: string[];
  timeout?: string;
}

function parseValue(raw: string): JsonValue {
  try {
    return JSON.parse(raw) as JsonValue;
  } catch {
    return raw;
  }
}

/** Engine options from flags: well-known ones plus repeatable `-o key=value` (value parsed as JSON when it is). */
export function optionsFromFlags(flags: ScanFlags): JobOptions {
  const options: JobOptions = {};
  if (flags.ports) options.ports = flags.ports;
  if (flags.chainId) options.chainId = Number(flags.chainId);
  for (const pair of flags.opt ?? []) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new VigilError('VALIDATION_FAILED', `-o expects key=value, got "${pair}"`);
    options[pair.slice(0, i)] = parseValue(pair.slice(i + 1));
  }
  return options;
}

export function register(program: Command): void {
  program
    .command('scan <kind> <target>')
    .description('Run one scan locally in-process (no server) and print the result')
    .option('--json', 'print the result as JSON (default when stdout is not a terminal)')
    .option('--table', 'print a table (default on a terminal)')
    .option('--markdown', 'print Markdown')
    .option('--sarif', 'print SARIF 2.1.0 (contract scans)')
    .option('--fail-on <level>', 'exit 1 when a finding is at or above this level (e.g. high)')
    .option('--ports <ports>', 'host scans: top-100 | top-1000 | all | 1-1024 | 22,80,443')
    .option('--chain-id <id>', 'address/token scans: chain id')
    .option('-o, --opt <key=value>', 'engine option (repeatable)', (v: string, prev: string[] = []) => [
      ...prev,
      v,
    ])
    .option('--timeout <ms>', 'give up after this many milliseconds')
    .action(async (kind: string, target: string, flags: ScanFlags, command: Command) => {
      const config = configFrom(command);
      const logger = cliLogger(config);
      const { openDb } = await import('../../core/db/open.js');
      const db = await openDb(config.store, config.dataDir, ALL_MIGRATIONS);
      try {
        const engines = allEngines({ config, db, logger, now: Date.now, allowLocalPaths: true });
        const engine = engines.find((e) => e.kind === kind);
        if (!engine) {
          throw new VigilError(
            'UNKNOWN_KIND',
            `Unknown kind "${kind}"; known: ${engines.map((e) => e.kind).join(', ') || '(none)'}`,
          );
        }
        // The CLI runs on the operator's own machine, so local paths are allowed here (never over HTTP).
        const normalized = await engine.normalize(target, optionsFromFlags(flags));
        const now = Date.now();
        const job: Job = {
          id: newId('cli_'),
          kind,
          target: normalized.target,
          options: normalized.options,
          dedupeKey: '',
          ownerAppId: null,
          state: 'running',
          progress: 0,
          step: null,
          attempts: 1,
          maxAttempts: 1,
          failureCode: null,
          failureMessage: null,
          result: null,
          createdAt: now,
          updatedAt: now,
          startedAt: now,
          finishedAt: null,
          runAfter: now,
        };
        const controller = new AbortController();
        const onSigint = (): void => controller.abort(new VigilError('CANCELLED', 'Interrupted.'));
        process.once('SIGINT', onSigint);
        const timeoutMs = flags.timeout
          ? Number(flags.timeout)
          : (engine.defaults?.timeoutMs ?? config.jobs.defaultTimeoutMs);
        const timer = setTimeout(
          () => controller.abort(new VigilError('JOB_TIMEOUT', `Scan exceeded ${timeoutMs} ms.`)),
          timeoutMs,
        );
        const bar = progressBar();
        const ctx: EngineContext = {
          job,
          signal: controller.signal,
          log: logger,
          progress: (p, s) => bar.update(p, s),
        };
        let result: unknown;
        try {
          result = await engine.run(normalized.target, normalized.options, ctx);
        } finally {
          clearTimeout(timer);
          process.off('SIGINT', onSigint);
          bar.done();
        }
        const render = engine.render;
        let output: string;
        if (flags.sarif) {
          if (!render?.sarif)
            throw new VigilError('VALIDATION_FAILED', `The ${kind} engine has no SARIF output.`);
          output = JSON.stringify(render.sarif(result), null, 2);
        } else if (flags.markdown) {
          if (!render?.markdown)
            throw new VigilError('VALIDATION_FAILED', `The ${kind} engine has no Markdown output.`);
          output = render.markdown(result);
        } else if ((flags.table || (process.stdout.isTTY && !flags.json)) && render?.table) {
          output = render.table(result);
        } else {
          output = JSON.stringify(result, null, 2);
        }
        process.stdout.write(`${output}\n`);
        if (flags.failOn) {
          if (!render?.exceeds)
            throw new VigilError('VALIDATION_FAILED', `The ${kind} engine does not support --fail-on.`);
          if (render.exceeds(result, flags.failOn)) {
            throw new CliExit(EXIT.FINDINGS, `findings at or above "${flags.failOn}"`);
          }
        }
      } finally {
        await db.close();
      }
    });
}
