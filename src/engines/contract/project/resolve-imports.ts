import { posix } from 'node:path';

/** Every `import` directive's path literal (plain, aliased, `* as`, and `{...} from` forms). */
export const IMPORT_RE = /^\s*import\s+(?:[^'"]*?from\s+)?["']([^"']+)["']/gm;

export interface Remapping {
  context?: string;
  prefix: string;
  target: string;
}

/** Parses `[context:]prefix=target` lines (Foundry/solc remapping syntax). */
export function parseRemappings(lines: readonly string[]): Remapping[] {
  const out: Remapping[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    let left = line.slice(0, eq);
    const target = line.slice(eq + 1);
    let context: string | undefined;
    const colon = left.indexOf(':');
    if (colon >= 0) {
      context = left.slice(0, colon);
      left = left.slice(colon + 1);
    }
    out.push({ ...(context ? { context } : {}), prefix: left, target });
  }
  // Longest prefix wins, as in solc.
  return out.sort((a, b) => b.prefix.length - a.prefix.length);
}

export function applyRemappings(
  importPath: string,
  fromFile: string,
  remappings: readonly Remapping[],
): string | undefined {
  for (const r of remappings) {
    if (r.context && !fromFile.startsWith(r.context)) continue;
    if (importPath.startsWith(r.prefix)) return r.target + importPath.slice(r.prefix.length);
  }
  return undefined;
}

/** Import paths starting with `.` are relative to the importing file; others are global names. */
export function joinImport(fromFile: string, importPath: string): string {
  if (importPath.startsWith('./') || importPath.startsWith('../')) {
    return posix.normalize(posix.join(posix.dirname(fromFile), importPath));
  }
  return posix.normalize(importPath);
}
