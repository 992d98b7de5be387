import semver from 'semver';

const PRAGMA_RE = /pragma\s+solidity\s+([^;]+);/g;

/** Version pragmas of a file, as written (comments are not stripped; good enough for pragmas). */
export function versionPragmas(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(PRAGMA_RE)) out.push(m[1]!.trim());
  return out;
}

/** Solidity's pragma syntax is npm-semver plus a few spellings semver rejects. */
export function toSemverRange(pragma: string): string {
  return pragma
    .replace(/\s+/g, ' ')
    .replace(/(\^|~|>=|<=|>|<|=)\s+/g, '$1')
    .trim();
}

export interface CompilerRange {
  pragma: string | undefined;
  /** Lowest version the pragma admits (undefined when unconstrained or unparsable). */
  min: string | undefined;
  /** The range understood by semver, or undefined. */
  range: string | undefined;
}

export function compilerRange(source: string): CompilerRange {
  const pragmas = versionPragmas(source);
  if (pragmas.length === 0) return { pragma: undefined, min: undefined, range: undefined };
  const range = pragmas.map(toSemverRange).join(' ');
  const valid = semver.validRange(range, { loose: true });
  const min = valid ? semver.minVersion(valid, { loose: true })?.version : undefined;
  return { pragma: pragmas.join(' '), min, range: valid ?? undefined };
}

/**
 * Candidate Slang language versions for a file: newest satisfying first, then
 * the oldest satisfying (older grammars accept `throw`, `var`, `suicide`...).
 */
export function candidateVersions(source: string, supported: readonly string[]): string[] {
  const latest = supported[supported.length - 1]!;
  const { range } = compilerRange(source);
  if (!range) return [latest];
  const ok = supported.filter((v) => semver.satisfies(v, range, { loose: true }));
  if (ok.length === 0) {
    // Pragma outside Slang's window (e.g. 0.3.x) or nonsense: try both ends.
    return [latest, supported[0]!];
  }
  const newest = ok[ok.length - 1]!;
  const oldest = ok[0]!;
  return newest === oldest ? [newest] : [newest, oldest];
}

export function isBelow(version: string | undefined, than: string): boolean {
  if (!version) return false;
  const v = semver.coerce(version);
  return v ? semver.lt(v, than) : false;
}
