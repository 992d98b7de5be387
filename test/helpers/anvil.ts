/**
 * Starts a real local EVM node (anvil from the `@foundry-rs/anvil` npm package) for tests.
 *
 * - binds 127.0.0.1 on a port the OS picks (`--port 0`), parsed from anvil's "Listening on" line;
 * - waits until `eth_chainId` answers before resolving;
 * - kills the process on `stop()`, and also when the test process exits (even on failure),
 *   so no anvil outlives a crashed test file.
 *
 * Usage (node:test):
 *   const chain = await startAnvil();
 *   after(() => chain.stop());
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  type Hex,
  http,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem';
import { mnemonicToAccount } from 'viem/accounts';

/** Anvil's well-known development mnemonic (its default accounts are funded with 10 000 ETH each). */
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';

export interface AnvilOptions {
  /** Chain id to report (default 31337). */
  chainId?: number;
  /** Number of funded dev accounts (default 10). */
  accounts?: number;
  /** Extra CLI arguments passed to anvil verbatim (e.g. `['--hardfork', 'cancun']`). */
  args?: string[];
  /** Milliseconds to wait for the node to answer (default 20 000). */
  startTimeoutMs?: number;
}

export type AnvilWalletClient = WalletClient<Transport, Chain, Account>;

export interface AnvilInstance {
  rpcUrl: string;
  chainId: number;
  chain: Chain;
  publicClient: PublicClient<Transport, Chain>;
  /** One wallet client per funded dev account, in anvil's order. */
  walletClients: AnvilWalletClient[];
  /** Shortcut for `walletClients[0]`. */
  walletClient: AnvilWalletClient;
  /** The dev accounts (with private keys, derived from ANVIL_MNEMONIC). */
  accounts: Account[];
  /** Raw JSON-RPC call (for anvil_* / evm_* methods viem has no action for). */
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const child of live) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    live.clear();
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

/** Path of the anvil binary shipped by the platform package of `@foundry-rs/anvil`. */
export function anvilBinaryPath(): string {
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'win32' : process.platform;
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const pkg = `@foundry-rs/anvil-${platform}-${arch}`;
  const exe = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  const pkgJson = require.resolve(`${pkg}/package.json`);
  const bin = join(dirname(pkgJson), 'bin', exe);
  if (!existsSync(bin)) throw new Error(`anvil binary not found at ${bin}`);
  return bin;
}

export async function startAnvil(options: AnvilOptions = {}): Promise<AnvilInstance> {
  const chainId = options.chainId ?? 31337;
  const accountCount = options.accounts ?? 10;
  const startTimeoutMs = options.startTimeoutMs ?? 20_000;
  installExitHook();

  const child = spawn(
    anvilBinaryPath(),
    [
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--chain-id',
      String(chainId),
      '--accounts',
      String(accountCount),
      '--mnemonic',
      ANVIL_MNEMONIC,
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  live.add(child);
  // Do not keep the test process alive just because anvil runs.
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();

  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`anvil did not start within ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Listening on 127\.0\.0\.1:(\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        // Keep draining so a full pipe never blocks anvil.
        child.stdout?.resume();
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      live.delete(child);
      reject(new Error(`anvil exited early with code ${code}:\n${output}`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });

  const rpcUrl = `http://127.0.0.1:${port}`;
  let rpcId = 0;
  const rpc = async <T = unknown>(method: string, params: unknown[] = []): Promise<T> => {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
    });
    const json = (await res.json()) as { result?: T; error?: { message: string } };
    if (json.error) throw new Error(`${method}: ${json.error.message}`);
    return json.result as T;
  };

  // Wait until it answers JSON-RPC, not just until it printed its banner.
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    try {
      const id = await rpc<string>('eth_chainId');
      if (Number(id) === chainId) break;
    } catch (err) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`anvil at ${rpcUrl} never answered: ${String(err)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const chain = defineChain({
    id: chainId,
    name: 'anvil',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl);
  // cacheTime 0: viem otherwise answers getBlockNumber from a 4 s cache filled while the fixtures
  // were being deployed, and a simulation pinned to that stale block sees contracts not yet deployed.
  const publicClient = createPublicClient({ chain, transport, cacheTime: 0 }) as PublicClient<
    Transport,
    Chain
  >;
  const accounts: Account[] = Array.from({ length: accountCount }, (_, i) =>
    mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: i }),
  );
  const walletClients = accounts.map(
    (account) => createWalletClient({ account, chain, transport }) as AnvilWalletClient,
  );
  const first = walletClients[0];
  if (!first) throw new Error('anvil started with zero accounts');

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode !== null || child.signalCode !== null) {
      live.delete(child);
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
      }, 2000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
    live.delete(child);
  };

  return {
    rpcUrl,
    chainId,
    chain,
    publicClient,
    walletClients,
    walletClient: first,
    accounts,
    rpc,
    stop,
  };
}

/** Waits for a transaction and fails the test unless it succeeded. */
export async function mined(chain: AnvilInstance, hash: Hex): Promise<TransactionReceipt> {
  const receipt = await chain.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
  return receipt;
}

/** Deploys a compiled contract from the first dev account; returns its checksummed address. */
export async function deployed(
  chain: AnvilInstance,
  contract: { abi: Abi; bytecode: Hex },
  args: unknown[] = [],
): Promise<Address> {
  const hash = await chain.walletClient.deployContract({ ...contract, args } as never);
  const receipt = await mined(chain, hash);
  if (!receipt.contractAddress) throw new Error('the deployment created no contract');
  return getAddress(receipt.contractAddress);
}
