/**
 * Host-scan benchmark against nmap, in the same run, on loopback only.
 *
 *   npx tsx bench/hosts/run.ts [--rounds 3] [--skip-ports] [--skip-services]
 *
 * 1. Full TCP port scan of 127.0.0.1 (1-65535): Vigil vs `nmap -sT -T4 -n -Pn -p-`.
 * 2. Service detection on local test services (python http.server, openssl
 *    s_server, Node HTTP/HTTPS/banner servers, and the machine's Redis,
 *    PostgreSQL, MariaDB, RabbitMQ, MQTT, NATS, epmd when they listen):
 *    Vigil vs `nmap -sV -n -Pn -p <ports>`.
 * Prints wall times, ratios, and every port or service disagreement.
 * nmap is optional: without it only Vigil's numbers are printed.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTargetPolicy } from '../../src/core/net/target-policy.js';
import { hostOptionsSchema } from '../../src/engines/host/options.js';
import { parsePortSpec } from '../../src/engines/host/ports/port-spec.js';
import { scanTcpPorts } from '../../src/engines/host/scan/tcp-connect-scan.js';
import { scanHost } from '../../src/engines/host/scan-host.js';
import { makeCert } from '../../test/engines/host/certs.js';
import { reachable, startBanner, startHttp, startHttps } from '../../test/engines/host/servers.js';

const run = promisify(execFile);
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 3;
const policy = createTargetPolicy({ allow: ['127.0.0.0/8', '::1'], deny: [] });

interface NmapPort {
  port: number;
  state: string;
  name?: string;
  product?: string;
  version?: string;
  tunnel?: string;
  /** `table` = nmap only guessed from the port number; `probed` = it identified the service. */
  method?: string;
}

async function hasNmap(): Promise<string | undefined> {
  try {
    const { stdout } = await run('nmap', ['--version']);
    return stdout.split('\n')[0];
  } catch {
    return undefined;
  }
}

function parseNmapXml(xml: string): NmapPort[] {
  const out: NmapPort[] = [];
  for (const m of xml.matchAll(/<port protocol="tcp" portid="(\d+)">([\s\S]*?)<\/port>/g)) {
    const body = m[2] ?? '';
    const state = /<state state="([^"]+)"/.exec(body)?.[1] ?? 'unknown';
    const svc = /<service ([^>]*)\/?>/.exec(body)?.[1] ?? '';
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(svc)?.[1];
    const entry: NmapPort = { port: Number(m[1]), state };
    for (const key of ['name', 'product', 'version', 'tunnel', 'method'] as const) {
      const v = attr(key);
      if (v !== undefined) entry[key] = v;
    }
    out.push(entry);
  }
  return out;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function portScanBench(nmap: string | undefined): Promise<void> {
  console.log(`\n== Full TCP port scan of 127.0.0.1 (1-65535), ${rounds} rounds, alternating ==`);
  const ports = parsePortSpec('all');
  const vigilTimes: number[] = [];
  const nmapTimes: number[] = [];
  let lastVigil: number[] = [];
  let lastNmap: number[] = [];
  const disagreements: string[] = [];
  for (let r = 0; r < rounds; r++) {
    const v = await timed(() => scanTcpPorts(policy, '127.0.0.1', { ports }));
    vigilTimes.push(v.ms);
    lastVigil = v.value.open.map((p) => p.port);
    console.log(
      `  vigil round ${r + 1}: ${(v.ms / 1000).toFixed(2)} s, ${lastVigil.length} open, threads ${v.value.threads}, ` +
        `peak window ${v.value.peakConcurrency}, self-connects dropped ${v.value.selfConnects.length}, sockets reused ${v.value.socketsReused}`,
    );
    if (nmap) {
      const n = await timed(() =>
        run('nmap', ['-sT', '-T4', '-n', '-Pn', '-p-', '-oX', '-', '127.0.0.1'], { maxBuffer: 64 << 20 }),
      );
      nmapTimes.push(n.ms);
      lastNmap = parseNmapXml(n.value.stdout)
        .filter((p) => p.state === 'open')
        .map((p) => p.port);
      console.log(`  nmap  round ${r + 1}: ${(n.ms / 1000).toFixed(2)} s, ${lastNmap.length} open`);
      const onlyVigil = lastVigil.filter((p) => !lastNmap.includes(p));
      const onlyNmap = lastNmap.filter((p) => !lastVigil.includes(p));
      if (onlyVigil.length || onlyNmap.length) {
        // Re-check right away: a port nobody listens on now was transient or a phantom self-connect.
        const now = async (ports: number[]) =>
          (
            await Promise.all(
              ports.map(async (p) => `${p}${(await reachable(p)) ? ' listening now' : ' not listening now'}`),
            )
          ).join(', ');
        disagreements.push(
          `round ${r + 1}: only vigil [${await now(onlyVigil)}], only nmap [${await now(onlyNmap)}]`,
        );
      }
    }
  }
  console.log(`  open ports (vigil, last round): ${lastVigil.join(', ')}`);
  console.log(`  vigil median ${(median(vigilTimes) / 1000).toFixed(2)} s`);
  if (nmap) {
    console.log(`  nmap  median ${(median(nmapTimes) / 1000).toFixed(2)} s`);
    console.log(
      `  RATIO vigil/nmap (port scan): ${(median(vigilTimes) / median(nmapTimes)).toFixed(2)} (goal <= 0.50)`,
    );
    console.log(
      disagreements.length
        ? `  port disagreements (services of other processes may open/close between runs):\n    ${disagreements.join('\n    ')}`
        : '  port disagreements: none',
    );
  }
}

function startProcess(cmd: string, argv: string[], cwd: string): ChildProcess {
  const child = spawn(cmd, argv, { cwd, stdio: 'ignore' });
  child.on('error', () => {});
  return child;
}

async function waitPort(port: number, timeoutMs = 5000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await reachable(port, '127.0.0.1', 200)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function sameService(
  vigil: { name: string; tls: boolean; product?: string } | undefined,
  nmapPort: NmapPort,
): boolean {
  if (!vigil || !nmapPort.name) return false;
  // nmap sometimes puts a product into the name ("mosquitto version 2.0.11").
  const firstWord = vigil.product?.split(' ')[0]?.toLowerCase();
  if (firstWord && nmapPort.name.toLowerCase().includes(firstWord)) return true;
  const alias: Record<string, string> = {
    https: 'http',
    'ssl/http': 'http',
    'http-proxy': 'http',
    'http-alt': 'http',
  };
  const n = alias[nmapPort.name] ?? nmapPort.name;
  return (
    n === vigil.name ||
    (n === 'ssl' && vigil.tls) ||
    (nmapPort.name === 'https' && vigil.tls && vigil.name === 'http')
  );
}

async function serviceBench(nmap: string | undefined): Promise<void> {
  console.log('\n== Service detection on local test services ==');
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-bench-hosts-'));
  const cert = await makeCert({ subject: 'CN=bench.local' });
  writeFileSync(path.join(dir, 'cert.pem'), cert.certPem);
  writeFileSync(path.join(dir, 'key.pem'), cert.keyPem);
  writeFileSync(
    path.join(dir, 'index.html'),
    '<html><head><title>bench</title></head><body>hi</body></html>',
  );
  const children: ChildProcess[] = [];
  const services: Array<{ label: string; port: number }> = [];
  const closers: Array<() => Promise<void>> = [];

  const pyPort = 18000 + Math.floor(Math.random() * 1000);
  children.push(startProcess('python3', ['-m', 'http.server', String(pyPort), '--bind', '127.0.0.1'], dir));
  if (await waitPort(pyPort)) services.push({ label: 'python http.server', port: pyPort });
  const sslPort = pyPort + 1000;
  children.push(
    startProcess(
      'openssl',
      [
        's_server',
        '-accept',
        `127.0.0.1:${sslPort}`,
        '-cert',
        'cert.pem',
        '-key',
        'key.pem',
        '-www',
        '-quiet',
      ],
      dir,
    ),
  );
  if (await waitPort(sslPort)) services.push({ label: 'openssl s_server -www', port: sslPort });
  const nodeHttp = await startHttp('nginx/1.25.3');
  closers.push(nodeHttp.close);
  services.push({ label: 'node http (nginx header)', port: nodeHttp.port });
  const nodeHttps = await startHttps(cert, { serverHeader: 'Apache/2.4.57 (Debian)' });
  closers.push(nodeHttps.close);
  services.push({ label: 'node https (apache header)', port: nodeHttps.port });
  const ssh = await startBanner('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n');
  closers.push(ssh.close);
  services.push({ label: 'ssh banner', port: ssh.port });
  const smtp = await startBanner('220 mail.bench.local ESMTP Postfix (Debian/GNU)\r\n');
  closers.push(smtp.close);
  services.push({ label: 'smtp banner', port: smtp.port });
  for (const [label, port] of [
    ['redis', 6379],
    ['postgresql', 5432],
    ['mariadb', 3306],
    ['rabbitmq', 5672],
    ['mqtt', 1883],
    ['nats', 4222],
    ['epmd', 4369],
  ] as const) {
    if (await reachable(port)) services.push({ label: `machine ${label}`, port });
  }
  const portList = services.map((s) => s.port).join(',');
  console.log(`  services: ${services.map((s) => `${s.label}=${s.port}`).join(', ')}`);

  try {
    const options = hostOptionsSchema.parse({ ports: portList });
    const v = await timed(() => scanHost('127.0.0.1', options, { policy }));
    console.log(
      `  vigil: ${(v.ms / 1000).toFixed(2)} s (ports ${v.value.timings.portScanMs} ms, services ${v.value.timings.serviceMs} ms)`,
    );
    let nmapPorts: NmapPort[] = [];
    let nmapMs = 0;
    if (nmap) {
      const n = await timed(() =>
        run('nmap', ['-sV', '-n', '-Pn', '-p', portList, '-oX', '-', '127.0.0.1'], { maxBuffer: 64 << 20 }),
      );
      nmapMs = n.ms;
      nmapPorts = parseNmapXml(n.value.stdout);
      console.log(`  nmap -sV: ${(n.ms / 1000).toFixed(2)} s`);
      console.log(`  RATIO vigil/nmap (service detection): ${(v.ms / nmapMs).toFixed(3)} (goal <= 0.10)`);
    }
    const misses: string[] = [];
    console.log('\n  port   service (vigil)                                  | nmap');
    for (const s of services) {
      const p = v.value.ports.find((x) => x.port === s.port);
      const vs = p?.service;
      const vigilText = vs
        ? `${vs.tls && vs.name !== 'ssl' ? 'ssl/' : ''}${vs.name}${vs.identified ? '' : '?'} ${[vs.product, vs.version].filter(Boolean).join(' ')}`
        : p
          ? 'open'
          : 'NOT FOUND';
      const np = nmapPorts.find((x) => x.port === s.port);
      const nmapText = np
        ? `${np.tunnel ? `${np.tunnel}/` : ''}${np.name ?? ''}${np.method === 'table' ? '?' : ''} ${[np.product, np.version].filter(Boolean).join(' ')}`
        : nmap
          ? '-'
          : '(nmap absent)';
      console.log(`  ${String(s.port).padEnd(6)} ${vigilText.padEnd(56).slice(0, 56)} | ${nmapText}`);
      if (!np || np.method === 'table') continue;
      if (np.name && np.name !== 'unknown' && !np.name.endsWith('?') && !sameService(vs ?? undefined, np)) {
        misses.push(`${s.port} (${s.label}): nmap names "${np.name}", vigil "${vs?.name ?? 'nothing'}"`);
      }
      if (np.product && !vs?.product)
        misses.push(`${s.port} (${s.label}): nmap names product "${np.product}", vigil none`);
      const nameVersion = /version ([\d.]+)/.exec(np.name ?? '')?.[1];
      const nmapVersion = np.version ?? nameVersion;
      if (nmapVersion && !vs?.version)
        misses.push(`${s.port} (${s.label}): nmap has version "${nmapVersion}", vigil has none`);
      if (
        nmapVersion &&
        vs?.version &&
        !nmapVersion.includes(vs.version) &&
        !vs.version.includes(nmapVersion)
      ) {
        misses.push(`${s.port} (${s.label}): versions differ, nmap "${nmapVersion}", vigil "${vs.version}"`);
      }
    }
    if (nmap)
      console.log(
        misses.length ? `\n  disagreements:\n    ${misses.join('\n    ')}` : '\n  disagreements: none',
      );
  } finally {
    for (const c of children) c.kill();
    await Promise.all(closers.map((c) => c()));
  }
}

const nmap = await hasNmap();
console.log(
  nmap ? `baseline: ${nmap}` : 'nmap not installed: printing Vigil numbers only (apt-get install -y nmap)',
);
if (!args.includes('--skip-ports')) await portScanBench(nmap);
if (!args.includes('--skip-services')) await serviceBench(nmap);
