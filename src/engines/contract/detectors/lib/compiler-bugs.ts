import { readFileSync } from 'node:fs';
import semver from 'semver';

export interface CompilerBug {
  name: string;
  introduced: string;
  fixed: string;
  summary: string;
}

let cache: CompilerBug[] | undefined;

/** Loads the compiler bug list (data file next to the engine). */
export function compilerBugs(): CompilerBug[] {
  if (!cache) {
    const raw = JSON.parse(
      readFileSync(new URL('../../data/compiler-bugs.json', import.meta.url), 'utf8'),
    ) as { bugs: CompilerBug[] };
    for (const b of raw.bugs) {
      if (!semver.valid(b.introduced) || !semver.valid(b.fixed))
        throw new Error(`compiler-bugs.json: bad versions in ${b.name}`);
    }
    cache = raw.bugs;
  }
  return cache;
}

export function bugsAffecting(version: string): CompilerBug[] {
  return compilerBugs().filter((b) => semver.gte(version, b.introduced) && semver.lt(version, b.fixed));
}
