import { defineDetector } from '../define-detector.js';
import { isBelow } from '../parse/version.js';
import { isMutating, targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'incorrect-constructor-name',
  title: 'Misspelled constructor',
  severity: 'critical',
  confidence: 'medium',
  category: 'access_control',
  swc: 'SWC-118',
  description:
    'A public function is named almost like its contract (different case or spelling) in pre-0.5 code. It was meant as the constructor but is an ordinary function anyone can call, typically to become owner (Rubixi).',
  recommendation: 'Use the `constructor` keyword.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      if (!isBelow(c.file.compiler.min ?? c.file.languageVersion, '0.5.0')) continue;
      for (const f of c.functions) {
        if (f.kind !== 'function' || f.name === c.name || !isMutating(f)) continue;
        const a = f.name.toLowerCase();
        const b = c.name.toLowerCase();
        if (a === b || (Math.abs(a.length - b.length) <= 1 && editDistance(a, b) <= 1 && a.length > 3)) {
          ctx.report({
            node: f.node,
            contract: c,
            function: f,
            message: `${f.name}() looks like a misspelled constructor of ${c.name}`,
          });
        }
      }
    }
  },
});

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}
