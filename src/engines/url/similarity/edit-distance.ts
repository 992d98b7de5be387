/**
 * Optimal string alignment distance (Damerau-Levenshtein restricted to
 * adjacent transpositions), bounded: returns `max + 1` as soon as the
 * distance must exceed `max`. Operates on code points.
 */
export function osaDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prevPrev: number[] = new Array(t.length + 1).fill(0);
  let prev: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  let cur: number[] = new Array(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[t.length] as number;
}

/** Every string obtained by deleting up to `depth` code points (including the string itself). */
export function deletions(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  // Host labels are almost always ASCII: slice code units directly; fall back to code points otherwise.
  const ascii = !/[^\x20-\x7e]/.test(word);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      if (ascii) {
        if (w.length <= 1) continue;
        for (let i = 0; i < w.length; i++) {
          const del = w.slice(0, i) + w.slice(i + 1);
          if (!out.has(del)) {
            out.add(del);
            next.push(del);
          }
        }
      } else {
        const chars = [...w];
        if (chars.length <= 1) continue;
        for (let i = 0; i < chars.length; i++) {
          const del = chars.slice(0, i).join('') + chars.slice(i + 1).join('');
          if (!out.has(del)) {
            out.add(del);
            next.push(del);
          }
        }
      }
    }
    frontier = next;
  }
  return out;
}
