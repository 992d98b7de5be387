const DIRECTIVE = /vigil-disable-(next-line|line)\b([^\n*]*)/g;

/**
 * Inline suppressions: `// vigil-disable-next-line id1, id2` silences those
 * detectors on the following line, `// vigil-disable-line id` on its own line;
 * with no ids, every detector is silenced there.
 */
export function parseSuppressions(source: string): Map<number, Set<string> | 'all'> {
  const out = new Map<number, Set<string> | 'all'>();
  const lines = source.split('\n');
  lines.forEach((text, i) => {
    if (!text.includes('vigil-disable-')) return;
    for (const m of text.matchAll(DIRECTIVE)) {
      const line = m[1] === 'next-line' ? i + 2 : i + 1;
      const ids = (m[2] ?? '')
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter((s) => /^[a-z0-9-]+$/.test(s));
      const prev = out.get(line);
      if (ids.length === 0 || prev === 'all') out.set(line, 'all');
      else out.set(line, new Set([...(prev ?? []), ...ids]));
    }
  });
  return out;
}

export function isSuppressed(map: Map<number, Set<string> | 'all'>, line: number, id: string): boolean {
  const s = map.get(line);
  return s === 'all' || s?.has(id) === true;
}
