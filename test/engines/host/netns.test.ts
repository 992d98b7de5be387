// The port scanner across a real link: two network namespaces made by this test, joined by a veth
// pair (10.9.9.1 scans, 10.9.9.2 answers), and 10.9.9.3, a neighbour entry that nothing answers for,
// so its SYNs vanish and its ports are filtered. No address outside the test's own namespaces is touched.
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { PortScanResult } from '../../../src/engines/host/scan/tcp-connect-scan.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const SCANNER = `vigil-scan-${process.pid}`;
const TARGET = `vigil-target-${process.pid}`;

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' });
}

/** Namespaces need root and iproute2; say why when the machine has neither. */
function netnsUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'pipe' });
    return undefined;
  } catch {
    return 'iproute2 (ip netns) is not available';
  }
}

const unavailable = netnsUnavailable();
let listener: ChildProcess | undefined;

function inNamespace(ns: string, args: string[]): string {
  return execFileSync('ip', ['netns', 'exec', ns, process.execPath, '--import', 'tsx', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('port scan across a veth link between two test namespaces', { skip: unavailable }, () => {
  before(async () => {
    ip('netns', 'add', SCANNER);
    ip('netns', 'add', TARGET);
    ip('-n', SCANNER, 'link', 'add', 'vscan', 'type', 'veth', 'peer', 'name', 'vtarget', 'netns', TARGET);
    ip('-n', SCANNER, 'addr', 'add', '10.9.9.1/24', 'dev', 'vscan');
    ip('-n', TARGET, 'addr', 'add', '10.9.9.2/24', 'dev', 'vtarget');
    for (const [ns, dev] of [
      [SCANNER, 'vscan'],
      [TARGET, 'vtarget'],
    ] as const) {
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      ip('-n', ns, 'link', 'set', dev, 'up');
    }
    // 10.9.9.3 resolves to a MAC nobody has: SYNs go out and are never answered.
    ip(
      '-n',
      SCANNER,
      'neigh',
      'replace',
      '10.9.9.3',
      'lladdr',
      '02:00:00:00:00:03',
      'dev',
      'vscan',
      'nud',
      'permanent',
    );
    listener = spawn(
      'ip',
      [
        'netns',
        'exec',
        TARGET,
        process.execPath,
        '-e',
        "require('net').createServer((s) => { s.on('error', () => {}); s.end('SSH-2.0-OpenSSH_9.2p1\\r\\n'); }).listen(2222, '10.9.9.2', () => console.log('ready'))",
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      listener?.stdout?.once('data', () => resolve());
      listener?.once('exit', (code) => reject(new Error(`listener exited with ${code}`)));
    });
  });

  after(() => {
    listener?.kill('SIGKILL');
    for (const ns of [SCANNER, TARGET]) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // already gone
      }
    }
  });

  it('finds the open port, the closed ones (RST from the other host) and the filtered ones (no answer)', () => {
    const out = inNamespace(SCANNER, [
      'test/engines/host/netns/scan-child.ts',
      JSON.stringify([
        { address: '10.9.9.2', ports: [2222, 2223, 80] },
        { address: '10.9.9.3', ports: [22, 443] },
      ]),
    ]);
    const [reachable, silent] = JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as PortScanResult[];
    assert.ok(reachable && silent);
    assert.deepEqual(
      reachable.open.map((p) => p.port),
      [2222],
    );
    assert.equal(reachable.closed, 2);
    assert.deepEqual(reachable.filtered, []);
    assert.equal(silent.open.length, 0);
    assert.equal(silent.closed, 0);
    assert.deepEqual(silent.filtered, [
      { port: 22, reason: 'no-response' },
      { port: 443, reason: 'no-response' },
    ]);
  });

  it('the default target policy refuses the namespace address: it is private', () => {
    const out = execFileSync(
      'ip',
      [
        'netns',
        'exec',
        SCANNER,
        process.execPath,
        '--import',
        'tsx',
        '-e',
        "import('./src/core/net/target-policy.ts').then(({ createTargetPolicy }) => { try { createTargetPolicy({ allow: [], deny: [] }).checkAddress('10.9.9.2'); console.log('allowed'); } catch (e) { console.log(e.code); } })",
      ],
      { cwd: REPO, encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(out.trim(), 'TARGET_DENIED');
  });
});
