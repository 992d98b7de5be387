import type { Hex } from 'viem';
import type { DisassembledCode } from './disassembler.js';

/** Comparisons a dispatcher uses against the calldata selector (solc: EQ; Vyper: XOR/SUB then ISZERO). */
const COMPARE = new Set(['EQ', 'XOR', 'SUB']);

/**
 * Function selectors of a contract, read from its dispatcher: a PUSH4 compared
 * (EQ/XOR/SUB) within the next few instructions and followed by a conditional
 * jump. This skips PUSH4 constants that are stored or returned (error selectors,
 * interface ids), and the GT/LT pivots of solc's binary-search dispatcher (each
 * pivot is also matched by its own EQ branch).
 */
export function extractSelectors(code: DisassembledCode): Hex[] {
  const found = new Set<string>();
  const ins = code.instructions;
  for (let i = 0; i < ins.length; i += 1) {
    const cur = ins[i];
    if (cur?.name !== 'PUSH4' || cur.push?.length !== 10) continue;
    let compared = false;
    for (let j = i + 1; j <= i + 3 && j < ins.length; j += 1) {
      const name = ins[j]?.name ?? '';
      if (COMPARE.has(name)) {
        compared = true;
        // A conditional jump must follow the comparison closely.
        let jumps = false;
        for (let k = j + 1; k <= j + 4 && k < ins.length; k += 1) {
          if (ins[k]?.name === 'JUMPI') jumps = true;
        }
        compared = jumps;
        break;
      }
      if (!name.startsWith('DUP') && !name.startsWith('SWAP')) break;
    }
    if (compared) found.add(cur.push.toLowerCase());
  }
  return [...found].sort() as Hex[];
}
