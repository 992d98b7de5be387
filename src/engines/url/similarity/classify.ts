/**
 * Names the permutation family (dnstwist's vocabulary) that turns a protected
 * label into an observed one, for a single edit. Both inputs lower-case.
 */
export type EditFamily =
  | 'omission'
  | 'insertion'
  | 'repetition'
  | 'transposition'
  | 'replacement'
  | 'vowel-swap'
  | 'bitsquatting'
  | 'plural'
  | 'various';

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

export function classifyEdit(observed: string, target: string): EditFamily {
  const o = [...observed];
  const t = [...target];
  if (observed === `${target}s` || observed === `${target}es`) return 'plural';
  if (o.length === t.length - 1) return 'omission';
  if (o.length === t.length + 1) {
    // Find the inserted character; a copy of its neighbour is a repetition.
    let i = 0;
    while (i < t.length && o[i] === t[i]) i++;
    const inserted = o[i];
    return inserted !== undefined && (inserted === o[i - 1] || inserted === o[i + 1])
      ? 'repetition'
      : 'insertion';
  }
  if (o.length === t.length) {
    const diffs: number[] = [];
    for (let i = 0; i < o.length; i++) if (o[i] !== t[i]) diffs.push(i);
    if (diffs.length === 2) {
      const [a, b] = diffs as [number, number];
      if (b === a + 1 && o[a] === t[b] && o[b] === t[a]) return 'transposition';
    }
    if (diffs.length === 1) {
      const i = diffs[0] as number;
      const oc = o[i] as string;
      const tc = t[i] as string;
      const xor = (oc.codePointAt(0) ?? 0) ^ (tc.codePointAt(0) ?? 0);
      if (VOWELS.has(oc) && VOWELS.has(tc)) return 'vowel-swap';
      if (xor !== 0 && (xor & (xor - 1)) === 0) return 'bitsquatting';
      return 'replacement';
    }
  }
  return 'various';
}
