import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { VigilError } from '../../../core/errors.js';
import type { LoadedFile } from './load-bundle.js';
import { applyRemappings, IMPORT_RE, parseRemappings, type Remapping } from './resolve-imports.js';

const SKIP_DIRS = new Set([
  'node_modules',
  'lib',
  '.git',
  'out',
  'cache',
  'artifacts',
  'typechain-types',
  'broadcast',
]);
const ROOT_MARKERS = [
  'foundry.toml',
  'hardhat.config.ts',
  'hardhat.config.js',
  'remappings.txt',
  'package.json',
  '.git',
];

/**
 * Loads a file or project directory from disk: every .sol under a directory
 * is a target (build output, tests' node_modules and Foundry lib/ excluded);
 * imports are followed transitively (relative, remappings, node_modules,
 * Foundry lib/) and loaded as dependencies.
 */
export function loadPath(path: string): {
  root: string;
  files: LoadedFile[];
  unresolved: { from: string; path: string }[];
} {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new VigilError('INVALID_TARGET', `no such file or directory: ${path}`);
  const isDir = statSync(abs).isDirectory();
  const root = findRoot(isDir ? abs : dirname(abs));
  const remappings = loadRemappings(root);
  const targets = isDir ? listSol(abs) : [abs];
  if (targets.length === 0) throw new VigilError('INVALID_TARGET', `no .sol files under ${path}`);
  const loaded = new Map<string, LoadedFile>();
  const unresolved: { from: string; path: string }[] = [];
  const queue = targets.map((p) => ({ abs: p, isTarget: true }));
  const targetSet = new Set(targets);
  while (queue.length > 0) {
    const { abs: file, isTarget } = queue.shift()!;
    if (loaded.has(file)) continue;
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const imports: Record<string, string> = {};
    loaded.set(file, { path: projectPath(root, file), source, isTarget, imports });
    for (const m of source.matchAll(IMPORT_RE)) {
      const imp = m[1]!;
      const hit = resolveOnDisk(root, file, imp, remappings);
      if (hit) {
        imports[imp] = projectPath(root, hit);
        if (!loaded.has(hit)) queue.push({ abs: hit, isTarget: targetSet.has(hit) });
      } else unresolved.push({ from: relative(root, file), path: imp });
    }
  }
  return { root, files: [...loaded.values()], unresolved };
}

/** A file's path as reports name it: relative to the project root, with forward slashes. */
function projectPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/') || file;
}

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (ROOT_MARKERS.some((m) => existsSync(join(dir, m)))) return dir;
    const up = dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
}

function listSol(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(join(d, e.name));
      } else if (e.name.endsWith('.sol')) out.push(join(d, e.name));
    }
  }
  return out.sort();
}

function loadRemappings(root: string): Remapping[] {
  const lines: string[] = [];
  const txt = join(root, 'remappings.txt');
  if (existsSync(txt)) lines.push(...readFileSync(txt, 'utf8').split('\n'));
  const toml = join(root, 'foundry.toml');
  if (existsSync(toml)) {
    const m = /remappings\s*=\s*\[([\s\S]*?)\]/.exec(readFileSync(toml, 'utf8'));
    if (m) for (const s of m[1]!.matchAll(/["']([^"']+)["']/g)) lines.push(s[1]!);
  }
  return parseRemappings(lines);
}

function resolveOnDisk(
  root: string,
  fromFile: string,
  imp: string,
  remappings: Remapping[],
): string | undefined {
  const candidates: string[] = [];
  if (imp.startsWith('./') || imp.startsWith('../')) candidates.push(resolve(dirname(fromFile), imp));
  else {
    const remapped = applyRemappings(imp, relative(root, fromFile), remappings);
    if (remapped) candidates.push(resolve(root, remapped));
    candidates.push(resolve(root, imp));
    for (let d = dirname(fromFile); ; d = dirname(d)) {
      candidates.push(join(d, 'node_modules', imp));
      if (d === dirname(d)) break;
    }
    const [first, ...rest] = imp.split('/');
    if (first) {
      candidates.push(
        join(root, 'lib', first, 'src', ...rest),
        join(root, 'lib', first, ...rest),
        join(root, 'lib', imp),
      );
    }
  }
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}
