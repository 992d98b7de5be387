import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ScanView } from '../../src/api/unified/views.js';
import { dropRedisPrefix, dropSchema, pgUrlWithSchema, REDIS_URL, uniqueName } from './services.js';

/**
 * A Vigil cluster of real processes on loopback: `vigil serve --role api|worker`
 * spawned through bin/vigil.mjs, sharing one PostgreSQL schema and one Redis
 * prefix, with the test engine enabled (VIGIL_TEST_ENGINES=1). Used by the
 * multi-process kill test and by bench/scale-workers.ts.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/vigil.mjs');

export interface VigilProcess {
  role: 'api' | 'worker';
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
}

export type { ScanView };

export class Cluster {
  readonly schema = uniqueName('cl');
  readonly prefix = uniqueName('cl');
  readonly dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-cluster-'));
  readonly configFile = path.join(this.dataDir, 'vigil.config.json');
  readonly processes: VigilProcess[] = [];
  apiKey = '';

  constructor(options: { workerConcurrency: number; lockMs?: number; stalledMs?: number }) {
    const config = {
      dataDir: this.dataDir,
      store: pgUrlWithSchema(this.schema),
      queue: `${REDIS_URL}?prefix=${this.prefix}&lockMs=${options.lockMs ?? 2000}&stalledMs=${options.stalledMs ?? 1000}`,
      log: { level: 'warn' },
      // Every process must share the key that encrypts HMAC secrets.
      auth: { secretKey: randomBytes(32).toString('hex') },
      quotas: { defaultRatePerMinute: 1_000_000 },
      jobs: { retryBaseDelayMs: 100, kinds: { test: { concurrency: options.workerConcurrency } } },
      server: { shutdownGraceMs: 2000 },
    };
    writeFileSync(this.configFile, JSON.stringify(config, null, 2));
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, VIGIL_TEST_ENGINES: '1', VIGIL_CONFIG: this.configFile, VIGIL_FROM_SOURCE: '1' };
  }

  /** Runs a one-shot CLI command against the cluster's store and returns its stdout. */
  async cli(args: string[]): Promise<string> {
    const child = spawn(process.execPath, [bin, ...args], {
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d;
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`vigil ${args.join(' ')} exited ${code}: ${err}`);
    return out;
  }

  async createApp(): Promise<void> {
    const out = await this.cli([
      'apps',
      'create',
      '--name',
      'cluster-test',
      '--roles',
      'reporter,viewer',
      '--json',
    ]);
    const parsed = JSON.parse(out) as { credentials: { kind: string; key: string }[] };
    this.apiKey = parsed.credentials.find((c) => c.kind === 'api_key')?.key ?? '';
  }

  /** Starts `vigil serve --role <role>` on an ephemeral loopback port; resolves once it listens. */
  async start(role: 'api' | 'worker'): Promise<VigilProcess> {
    const child = spawn(
      process.execPath,
      [bin, 'serve', '--role', role, '--host', '127.0.0.1', '--port', '0'],
      {
        env: this.env(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d).slice(-4000);
    });
    const lines = createInterface({ input: child.stdout! });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${role} did not start in time: ${stderr}`)), 60_000);
      lines.on('line', (line) => {
        if (!line.startsWith('{')) return;
        try {
          const event = JSON.parse(line) as { event?: string; address?: string };
          if (event.event === 'listening' && event.address) {
            clearTimeout(timer);
            resolve(event.address);
          }
        } catch {
          // a log line, not the listening event
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${role} exited ${code} before listening: ${stderr}`));
      });
    });
    const proc = { role, child, url, pid: child.pid ?? 0 };
    this.processes.push(proc);
    return proc;
  }

  async submit(api: VigilProcess, body: unknown): Promise<ScanView> {
    const res = await fetch(`${api.url}/v1/scans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': this.apiKey },
      body: JSON.stringify(body),
    });
    if (res.status !== 202) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as ScanView;
  }

  async get(api: VigilProcess, id: string): Promise<ScanView> {
    const res = await fetch(`${api.url}/v1/scans/${id}`, { headers: { 'x-api-key': this.apiKey } });
    if (res.status !== 200) throw new Error(`get ${id} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as ScanView;
  }

  /** Every scan the cluster knows, through the paginated list endpoint. */
  async listAll(api: VigilProcess): Promise<ScanView[]> {
    const all: ScanView[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await fetch(`${api.url}/v1/scans?${query}`, { headers: { 'x-api-key': this.apiKey } });
      if (res.status !== 200) throw new Error(`list answered ${res.status}: ${await res.text()}`);
      const page = (await res.json()) as { scans: ScanView[]; next: string | null };
      all.push(...page.scans);
      cursor = page.next;
    } while (cursor);
    return all;
  }

  async kill(proc: VigilProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
    const exited = once(proc.child, 'exit');
    proc.child.kill(signal);
    await exited;
  }

  async close(): Promise<void> {
    // Graceful stop first (SIGTERM), then make sure nothing is left behind.
    await Promise.all(
      this.processes.map(async (p) => {
        const timer = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
        await this.kill(p, 'SIGTERM');
        clearTimeout(timer);
      }),
    );
    await dropSchema(this.schema).catch(() => undefined);
    await dropRedisPrefix(this.prefix).catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
