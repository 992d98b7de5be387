import { defineDetector } from '../define-detector.js';
import type { VariableIR } from '../ir/types.js';
import { targetContracts } from './lib/query.js';

/** Bytes a value type takes in storage; 32 for anything not packable. */
function sizeOf(v: VariableIR): number {
  const t = v.type.text;
  if (v.type.kind !== 'elementary') return 32;
  if (t === 'bool') return 1;
  if (t.startsWith('address')) return 20;
  let m = /^u?int(\d+)$/.exec(t);
  if (m) return Number(m[1]) / 8;
  m = /^bytes(\d+)$/.exec(t);
  if (m) return Number(m[1]);
  return 32;
}

function slots(sizes: number[]): number {
  let n = 0;
  let used = 32;
  for (const s of sizes) {
    if (used + s > 32) {
      n++;
      used = 0;
    }
    used += s;
  }
  return n;
}

/** First-fit decreasing: a good (not always optimal) packing. */
function packedSlots(sizes: number[]): number {
  const bins: number[] = [];
  for (const s of [...sizes].sort((a, b) => b - a)) {
    const i = bins.findIndex((b) => b + s <= 32);
    if (i >= 0) bins[i]! += s;
    else bins.push(s);
  }
  return bins.length;
}

export default defineDetector({
  id: 'gas-storage-packing',
  title: 'State variables could be packed into fewer slots',
  severity: 'gas',
  confidence: 'medium',
  category: 'gas',
  description:
    'Small state variables (bool, address, uintN<256) are declared in an order that leaves storage slots half empty; reordering saves slots and SLOAD/SSTOREs.',
  recommendation:
    'Group small variables so that adjacent ones fill 32-byte slots (not for upgradeable contracts with existing layout).',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      const vars = c.stateVars.filter((v) => !v.constant && !v.immutable);
      const sizes = vars.map(sizeOf);
      if (sizes.filter((s) => s < 32).length < 2) continue;
      const now = slots(sizes);
      const best = packedSlots(sizes);
      if (best < now)
        ctx.report({
          node: vars[0]!.node,
          contract: c,
          message: `${c.name} uses ${now} slots; ${best} would suffice`,
        });
    }
  },
});
