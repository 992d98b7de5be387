import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { VigilError } from '../../core/errors.js';
import { importAddressList } from '../../engines/address/labels/import.js';
import { KNOWN_CATEGORIES } from '../../engines/url/feeds/categories.js';
import { URL_FEED_FORMATS, type UrlFeedFormat } from '../../engines/url/feeds/parse.js';
import { listFeeds, removeFeed } from '../../engines/url/feeds/store.js';
import { isUrlEngine } from '../../engines/url/index.js';
import { configFrom, withRuntime } from '../context.js';

/** Feed formats accepted by `vigil feeds import`: the URL engine's, and address lists for the address engine. */
const FORMATS: readonly string[] = [...URL_FEED_FORMATS, 'addresses'];

async function readSource(source: string): Promise<string> {
  if (!/^https?:\/\//i.test(source)) return readFile(source, 'utf8');
  const res = await fetch(source, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new VigilError('UPSTREAM_UNAVAILABLE', `${source} answered HTTP ${res.status}`);
  return res.text();
}

export function register(program: Command): void {
  const feeds = program
    .command('feeds')
    .description('Import and manage threat feeds (phishing domains, URL lists)');

  feeds
    .command('import <source>')
    .description('Import a feed from a file or http(s) URL; re-importing the same source replaces it')
    .option('--category <category>', `report category: ${KNOWN_CATEGORIES.join(', ')}`, 'phishing')
    .option('--format <format>', `${FORMATS.join(', ')} (default: guessed from the content)`)
    .option('--chain-id <id>', 'addresses: the chain the list is about (default: any EVM chain)')
    .option('--json', 'print JSON')
    .action(
      async (
        source: string,
        opts: { category: string; format?: string; json?: boolean; chainId?: string },
        command: Command,
      ) => {
        if (opts.format !== undefined && !FORMATS.includes(opts.format)) {
          throw new VigilError(
            'VALIDATION_FAILED',
            `Unknown feed format "${opts.format}" (${FORMATS.join(', ')})`,
          );
        }
        const config = configFrom(command);
        if (opts.format === 'addresses') {
          const text = await readSource(source);
          await withRuntime(config, async (runtime) => {
            const report = await importAddressList(runtime.db, {
              text,
              source,
              category: opts.category,
              ...(opts.chainId ? { chainId: Number(opts.chainId) } : {}),
            });
            if (opts.json) {
              process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
              return;
            }
            const cats = Object.entries(report.byCategory)
              .map(([c, n]) => `${c} ${n}`)
              .join(', ');
            process.stdout.write(
              `imported ${report.imported} addresses from ${source} (${cats || 'none'}); ${report.skipped.length} skipped\n`,
            );
            for (const r of report.skipped.slice(0, 5))
              process.stdout.write(`  line ${r.line}: ${r.reason}\n`);
          });
          return;
        }
        await withRuntime(config, async (runtime) => {
          const engine = runtime.engines.get('url');
          if (!isUrlEngine(engine)) throw new VigilError('UNKNOWN_KIND', 'The url engine is not registered.');
          const report = await engine.analyzer.importFeed({
            source,
            category: opts.category,
            ...(opts.format ? { format: opts.format as UrlFeedFormat } : {}),
          });
          engine.close();
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
            return;
          }
          process.stdout.write(
            `imported ${source} (${report.format}, ${report.category}) as ${report.id}: ` +
              `${report.block} blocked, ${report.allow} allowed, ${report.fuzzy} fuzzy; ` +
              `${report.guarded} skipped by the top-sites guard, ${report.rejected} rejected\n`,
          );
          if (report.guardedSample.length)
            process.stdout.write(`  guarded: ${report.guardedSample.join(', ')}\n`);
          for (const r of report.rejectedSample.slice(0, 5))
            process.stdout.write(`  rejected: ${r.item} (${r.reason})\n`);
        });
      },
    );

  feeds
    .command('list')
    .description('List imported URL feeds')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const config = configFrom(command);
      await withRuntime(config, async (runtime) => {
        const rows = await listFeeds(runtime.db);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        if (rows.length === 0) process.stdout.write('no URL feeds imported\n');
        for (const r of rows) {
          process.stdout.write(
            `${r.id}  ${r.format.padEnd(19)} ${r.category.padEnd(10)} ${String(r.entryCount).padStart(7)} entries  ` +
              `${new Date(r.importedAt).toISOString()}  ${r.source}\n`,
          );
        }
      });
    });

  feeds
    .command('remove <id>')
    .description('Remove an imported URL feed by id')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const config = configFrom(command);
      await withRuntime(config, async (runtime) => {
        if (!(await removeFeed(runtime.db, id))) throw new VigilError('NOT_FOUND', `No feed with id ${id}`);
        process.stdout.write(`removed ${id}\n`);
      });
    });
}
