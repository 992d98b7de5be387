import type { ContractIR } from './types.js';

/**
 * C3 linearization as solc does it: bases listed "most base-like" first, so the
 * merge runs over the reversed base list. Unknown bases (not in the project) are
 * skipped; an inconsistent hierarchy falls back to a depth-first order.
 */
export function linearize(
  contract: ContractIR,
  scopeOf: (c: ContractIR) => ReadonlyMap<string, ContractIR>,
): ContractIR[] {
  const memo = new Map<ContractIR, ContractIR[]>();
  const visiting = new Set<ContractIR>();
  const lin = (c: ContractIR): ContractIR[] => {
    const cached = memo.get(c);
    if (cached) return cached;
    if (visiting.has(c)) return [c];
    visiting.add(c);
    const scope = scopeOf(c);
    const bases = c.baseNames
      .map((n) => scope.get(n))
      .filter((b): b is ContractIR => !!b && b !== c)
      .reverse();
    const seqs = [...bases.map((b) => [...lin(b)]), [...bases]];
    const result: ContractIR[] = [c];
    for (;;) {
      const nonEmpty = seqs.filter((s) => s.length > 0);
      if (nonEmpty.length === 0) break;
      const head = nonEmpty.map((s) => s[0]!).find((h) => !nonEmpty.some((s) => s.indexOf(h) > 0));
      if (!head) {
        for (const s of nonEmpty) for (const x of s) if (!result.includes(x)) result.push(x);
        break;
      }
      result.push(head);
      for (const s of nonEmpty) if (s[0] === head) s.shift();
    }
    visiting.delete(c);
    memo.set(c, result);
    return result;
  };
  return lin(contract);
}
