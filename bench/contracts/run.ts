/**
 * Contract engine benchmark. For each data set (our corpus, the OpenZeppelin
 * contracts v5 npm package as a real-world project) it runs, in the same
 * session and on the same files:
 *   - vigil: `analyzePath` in a fresh Node process (tsx startup included),
 *   - solhint (recommended rules) on the same .sol files, as the baseline,
 * and prints wall time, files/s, lines/s and the speed ratio. Each tool runs
 * `RUNS` times (default 3, env BENCH_RUNS) and the median is reported.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const solhintBin = join(dirname(require.resolve('solhint/package.json')), 'solhint.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function listSol(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listSol(join(dir, e.name)) : e.name.endsWith('.sol') ? [join(dir, e.name)] : [],
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeIt(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const sets = [
  { name: 'corpus (test/corpus)', dir: join(root, 'test/corpus') },
  {
    name: '@openzeppelin/contracts v5',
    dir: dirname(require.resolve('@openzeppelin/contracts/package.json')),
  },
];

const cfgDir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
const cfg = join(cfgDir, '.solhint.json');
writeFileSync(cfg, JSON.stringify({ extends: 'solhint:recommended' }));

console.log(`contract engine benchmark (median of ${RUNS} runs, same machine, same session)\n`);
for (const set of sets) {
  const files = listSol(set.dir);
  const lines = files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0);
  let summary: Record<string, unknown> = {};
  const vigil: number[] = [];
  const solhint: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    vigil.push(
      timeIt(() => {
        const out = execFileSync(
          process.execPath,
          ['--import', 'tsx', join(root, 'bench/contracts/analyze-once.ts'), set.dir],
          {
            cwd: root,
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
          },
        );
        summary = JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
      }),
    );
    solhint.push(
      timeIt(() => {
        // solhint exits non-zero when it reports errors; only a crash matters here.
        const r = spawnSync(process.execPath, [solhintBin, '-c', cfg, '--disc', '-f', 'unix', ...files], {
          cwd: set.dir,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        if (r.error) throw r.error;
      }),
    );
  }
  const v = median(vigil);
  const s = median(solhint);
  console.log(`## ${set.name}: ${files.length} files, ${lines} lines`);
  console.log(
    `  vigil   ${(v / 1000).toFixed(2)} s wall  ${(files.length / (v / 1000)).toFixed(0)} files/s  ${(lines / (v / 1000)).toFixed(0)} lines/s  (analysis ${summary.analysisMs} ms in-process, ${summary.findings} findings, ${summary.parseErrors} parse errors)`,
  );
  console.log(
    `  solhint ${(s / 1000).toFixed(2)} s wall  ${(files.length / (s / 1000)).toFixed(0)} files/s  ${(lines / (s / 1000)).toFixed(0)} lines/s`,
  );
  console.log(`  ratio   vigil is ${(s / v).toFixed(2)}x solhint's speed (wall, process start included)`);
  console.log(`  severity ${JSON.stringify(summary.distribution)}\n`);
}
rmSync(cfgDir, { recursive: true, force: true });
void execFileSync;
