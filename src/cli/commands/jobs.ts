import type { Command } from 'commander';
import { VigilError } from '../../core/errors.js';
import { JOB_STATES, type JobState } from '../../core/jobs/types.js';
import { configFrom, withRuntime } from '../context.js';

export function register(program: Command): void {
  const jobs = program.command('jobs').description('Inspect scan jobs in the store');
  jobs
    .command('list', { isDefault: true })
    .description('List recent jobs')
    .option('--kind <kind>')
    .option('--state <state>', JOB_STATES.join(' | '))
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(
      async (opts: { kind?: string; state?: string; limit: string; json?: boolean }, command: Command) => {
        if (opts.state && !(JOB_STATES as readonly string[]).includes(opts.state)) {
          throw new VigilError('VALIDATION_FAILED', `--state must be one of ${JOB_STATES.join(', ')}`);
        }
        await withRuntime(configFrom(command), async (runtime) => {
          const { jobs: list } = await runtime.jobs.list({
            kind: opts.kind,
            state: opts.state as JobState | undefined,
            limit: Number(opts.limit),
          });
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
            return;
          }
          const rows = list.map((j) =>
            [
              j.id.padEnd(28),
              j.kind.padEnd(9),
              j.state.padEnd(8),
              `${String(j.progress).padStart(3)}%`,
              new Date(j.createdAt).toISOString(),
              j.failureCode ?? '',
              j.target.length > 60 ? `${j.target.slice(0, 57)}...` : j.target,
            ].join(' '),
          );
          process.stdout.write(`${rows.length ? rows.join('\n') : '(no jobs)'}\n`);
        });
      },
    );
  jobs
    .command('show <id>')
    .description('Print one job with its result')
    .action(async (id: string, _opts: unknown, command: Command) => {
      await withRuntime(configFrom(command), async (runtime) => {
        const job = await runtime.jobs.get(id);
        if (!job) throw new VigilError('JOB_NOT_FOUND', `No job ${id}.`);
        process.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
      });
    });
}
