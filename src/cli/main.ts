import { Command, CommanderError } from 'commander';
import { register as registerApps } from './commands/apps.js';
import { register as registerFeeds } from './commands/feeds.js';
import { register as registerJobs } from './commands/jobs.js';
import { register as registerScan } from './commands/scan.js';
import { register as registerServe } from './commands/serve.js';
import { describeError, exitCodeFor } from './context.js';
import { EXIT } from './exit-codes.js';

export function buildProgram(): Command {
  const program = new Command('vigil')
    .description('Vigil: self-hosted threat scanning for contracts, addresses, tokens, hosts and dApp URLs')
    .version('0.1.0')
    .option('-c, --config <file>', 'JSON config file (default ./vigil.config.json, or VIGIL_CONFIG)')
    .showHelpAfterError()
    .exitOverride();
  // One line per command module.
  registerServe(program);
  registerScan(program);
  registerJobs(program);
  registerApps(program);
  registerFeeds(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT.OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    const message = describeError(err);
    if (message) process.stderr.write(`${message}\n`);
    return exitCodeFor(err);
  }
}

const isEntry = process.argv[1] && /(?:vigil(?:\.mjs)?|main\.[jt]s)$/.test(process.argv[1]);
if (isEntry) {
  const code = await main(process.argv);
  // `serve` keeps running; everything else exits with its code once output is flushed.
  if (!process.argv.slice(2).includes('serve')) process.exitCode = code;
  else if (code !== EXIT.OK) process.exit(code);
}
