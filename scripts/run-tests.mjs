#!/usr/bin/env node
// Runs every test file (test/**/*.test.ts) with node's test runner under tsx and
// ends with node's summary plus one plain line: "N passed, N failed, N skipped".
// Usage: npm test [-- <file-or-dir> ...]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const roots = args.length ? args : ['test'];

function collect(path, out) {
  if (!existsSync(path)) return out;
  if (statSync(path).isFile()) {
    if (path.endsWith('.test.ts')) out.push(path);
    return out;
  }
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'corpus' || entry === 'fixtures') continue;
    collect(join(path, entry), out);
  }
  return out;
}

const files = roots.flatMap((r) => collect(join(root, r), [])).sort();
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
mkdirSync(join(root, '.tmp'), { recursive: true });
// A stale summary from an earlier run must never be reported as this run's.
rmSync(join(root, '.tmp', 'last-test-run.tap'), { force: true });
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${join(root, '.tmp', 'last-test-run.tap')}`,
    ...files.map((f) => relative(root, f)),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VIGIL_LOG_LEVEL: process.env.VIGIL_LOG_LEVEL ?? 'silent' },
  },
);
child.on('exit', async (code, signal) => {
  const { readFileSync } = await import('node:fs');
  let pass = 0;
  let fail = 0;
  let skip = 0;
  try {
    const tap = readFileSync(join(root, '.tmp', 'last-test-run.tap'), 'utf8');
    pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
    fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
    skip = Number(/^# skipped (\d+)/m.exec(tap)?.[1] ?? 0);
  } catch {
    // no summary: the runner itself failed
  }
  console.log(`\n${files.length} test files`);
  console.log(`${pass} passed, ${fail} failed, ${skip} skipped`);
  process.exit(code ?? (signal ? 1 : 0));
});
