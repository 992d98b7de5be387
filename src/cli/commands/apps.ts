import type { Command } from 'commander';
import { CREDENTIAL_KINDS, type CredentialKind, ROLES, type Role } from '../../core/auth/types.js';
import { VigilError } from '../../core/errors.js';
import { configFrom, withRuntime } from '../context.js';

const list = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function register(program: Command): void {
  const apps = program.command('apps').description('Manage API apps (principals) and their credentials');

  apps
    .command('create')
    .description('Create an app; prints its credentials once')
    .requiredOption('--name <name>', 'unique app name')
    .option('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`, 'reporter,viewer')
    .option(
      '--credentials <kinds>',
      `comma-separated: ${CREDENTIAL_KINDS.join(', ')}`,
      CREDENTIAL_KINDS.join(','),
    )
    .option('--rate <perMinute>', 'requests per minute (default from config quotas)')
    .option('--max-requests <n>', 'lifetime request quota')
    .option('--expires-in-days <days>', 'credentials expire after this many days')
    .option('--json', 'print JSON')
    .action(async (opts: Record<string, string | boolean | undefined>, command: Command) => {
      const roles = list(String(opts.roles)) as Role[];
      const kinds = list(String(opts.credentials));
      for (const k of kinds) {
        if (!(CREDENTIAL_KINDS as readonly string[]).includes(k)) {
          throw new VigilError('VALIDATION_FAILED', `Unknown credential kind "${k}".`);
        }
      }
      const num = (v: unknown): number | null => {
        if (v === undefined) return null;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1)
          throw new VigilError('VALIDATION_FAILED', `Not a positive integer: ${String(v)}`);
        return n;
      };
      const config = configFrom(command);
      await withRuntime(config, async (runtime) => {
        const days = num(opts.expiresInDays);
        const { app, credentials } = await runtime.auth.createApp({
          name: String(opts.name),
          roles,
          credentials: kinds as CredentialKind[],
          ratePerMinute: num(opts.rate),
          maxRequests: num(opts.maxRequests),
          expiresAt: days === null ? null : runtime.now() + days * 86_400_000,
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ app, credentials }, null, 2)}\n`);
          return;
        }
        const lines = [
          `app ${app.name} (${app.id}) roles=${app.roles.join(',')}`,
          'credentials (shown once, store them now):',
        ];
        for (const c of credentials) {
          if (c.kind === 'api_key') lines.push(`  x-api-key:            ${c.key}`);
          if (c.kind === 'bearer') lines.push(`  bearer token:         ${c.key}`);
          if (c.kind === 'key_secret') lines.push(`  api-key / api-secret: ${c.key} / ${c.secret}`);
          if (c.kind === 'hmac') lines.push(`  signing appid/secret: ${c.key} / ${c.secret}`);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  apps
    .command('list')
    .description('List apps')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await withRuntime(configFrom(command), async (runtime) => {
        const all = await runtime.auth.listApps();
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
          return;
        }
        const rows = all.map((a) =>
          [
            a.name.padEnd(20),
            a.id.padEnd(34),
            a.roles.join(',').padEnd(22),
            a.revokedAt ? 'revoked' : a.expiresAt && a.expiresAt < runtime.now() ? 'expired' : 'active',
            `${a.requestCount}${a.maxRequests ? `/${a.maxRequests}` : ''} requests`,
          ].join(' '),
        );
        process.stdout.write(`${rows.length ? rows.join('\n') : '(no apps)'}\n`);
      });
    });

  apps
    .command('revoke <app>')
    .description('Revoke an app and all its credentials (by name or id)')
    .action(async (name: string, _opts: unknown, command: Command) => {
      await withRuntime(configFrom(command), async (runtime) => {
        const app = await runtime.auth.revokeApp(name);
        process.stdout.write(`revoked ${app.name} (${app.id})\n`);
      });
    });
}
