import { applyRemappings, IMPORT_RE, joinImport, parseRemappings } from './resolve-imports.js';

export interface LoadedFile {
  path: string;
  source: string;
  isTarget: boolean;
  /** Each import's path literal → the `path` of the loaded file it resolved to. */
  imports?: Record<string, string>;
}

/**
 * Resolves an import inside an in-memory bundle (explorer / standard-JSON
 * sources). Explorer bundles name files inconsistently, so after exact and
 * remapped lookups a unique suffix match is accepted.
 */
export function resolveInBundle(
  files: Record<string, string>,
  fromFile: string,
  importPath: string,
  remappings: string[] = [],
): string | undefined {
  const remapped = applyRemappings(importPath, fromFile, parseRemappings(remappings));
  for (const cand of [remapped, joinImport(fromFile, importPath), importPath]) {
    if (cand !== undefined && Object.hasOwn(files, cand)) return cand;
  }
  const tail = joinImport(fromFile, importPath).replace(/^(\.\.\/)+/, '');
  const matches = Object.keys(files).filter((k) => k === tail || k.endsWith(`/${tail}`));
  return matches.length === 1 ? matches[0] : undefined;
}

export function bundleFiles(files: Record<string, string>, remappings: string[] = []): LoadedFile[] {
  return Object.entries(files).map(([path, source]) => {
    const imports: Record<string, string> = {};
    for (const m of source.matchAll(IMPORT_RE)) {
      const hit = resolveInBundle(files, path, m[1]!, remappings);
      if (hit) imports[m[1]!] = hit;
    }
    return { path, source, isTarget: true, imports };
  });
}
