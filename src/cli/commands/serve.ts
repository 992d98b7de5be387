import type { Command } from 'commander';
import pino from 'pino';
import { buildApp } from '../../api/app.js';
import { createMetrics } from '../../core/metrics.js';
import { createRuntime } from '../../core/runtime.js';
import { ALL_MIGRATIONS } from '../../engines/migrations.js';
import { allEngines, configFrom } from '../context.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('Run the API server and workers (embedded SQLite and in-process queue by default)')
    .option('--host <host>', 'listen address (default 127.0.0.1)')
    .option('--port <port>', 'listen port (default 8080)')
    .option('--role <role>', 'all | api | worker (api/worker need queue: redis://)')
    .action(async (opts: { host?: string; port?: string; role?: string }, command: Command) => {
      const overrides: Record<string, unknown> = {};
      const server: Record<string, unknown> = {};
      if (opts.host) server.host = opts.host;
      if (opts.port !== undefined) server.port = Number(opts.port);
      if (Object.keys(server).length) overrides.server = server;
      if (opts.role) overrides.role = opts.role;
      const config = configFrom(command, overrides);
      const logger = pino({ level: config.log.level });
      const metrics = createMetrics();
      const runtime = await createRuntime(config, {
        engines: allEngines,
        migrations: ALL_MIGRATIONS,
        logger,
        metrics: metrics.jobs,
      });
      const app = await buildApp(runtime, { metrics });
      let stopping = false;
      const stop = async (signal: string): Promise<void> => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down: no new requests; finishing or re-queueing running jobs');
        const force = setTimeout(() => process.exit(1), config.server.shutdownGraceMs + 15_000);
        force.unref();
        await app.close();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      await runtime.start();
      const address = await app.listen({ host: config.server.host, port: config.server.port });
      logger.info(
        {
          address,
          role: config.role,
          store: config.store.replace(/\/\/[^@]*@/, '//***@'),
          queue: config.queue,
        },
        `Vigil listening on ${address}`,
      );
      // Machine-readable line for process supervisors and tests.
      process.stdout.write(
        `${JSON.stringify({ event: 'listening', address, role: config.role, pid: process.pid })}\n`,
      );
    });
}
