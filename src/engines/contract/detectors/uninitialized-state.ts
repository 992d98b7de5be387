import { defineDetector } from '../define-detector.js';
import { targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'uninitialized-state',
  title: 'State variable used but never set',
  severity: 'high',
  confidence: 'medium',
  category: 'other',
  swc: 'SWC-109',
  description:
    'A state variable is read by functions but never assigned anywhere (no initializer, no write in any function of the contract or its bases); it always holds its zero value (e.g. an owner of address(0) or a zero fee recipient).',
  recommendation: 'Initialize the variable at declaration or in the constructor, or remove it.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract'])) {
      const fns = c.linearization.flatMap((k) => [...k.functions, ...k.modifiers]);
      const hasAssembly = fns.some(
        (f) => f.body && c.file.source.slice(f.body.start, f.body.end).includes('assembly'),
      );
      if (hasAssembly) continue;
      for (const v of c.linearization.flatMap((k) => k.stateVars)) {
        if (
          v.constant ||
          v.immutable ||
          v.initializer ||
          v.type.kind === 'mapping' ||
          v.type.kind === 'array'
        )
          continue;
        if (v.contract !== c && v.visibility === 'private') continue;
        const written = fns.some((f) => f.writes.some((w) => w.variable === v));
        if (written) continue;
        const read = fns.find((f) => f.reads.some((r) => r.variable === v));
        if (read && v.contract === c)
          ctx.report({
            node: v.node,
            contract: c,
            message: `${v.name} is read in ${read.name}() but never set`,
          });
      }
    }
  },
});
