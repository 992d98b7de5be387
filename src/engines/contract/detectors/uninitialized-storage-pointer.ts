import { defineDetector } from '../define-detector.js';
import { lastName } from '../ir/types-of.js';
import { child } from '../parse/syntax-node.js';
import { isBelow } from '../parse/version.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'uninitialized-storage-pointer',
  title: 'Uninitialized storage pointer',
  severity: 'high',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-109',
  description:
    'A local struct/array variable lives in storage but is never initialized, so it points at slot 0: writing through it overwrites the first state variables (often the owner).',
  recommendation:
    'Declare the variable `memory`, or initialize the storage pointer from an existing state variable.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      const old = isBelow(f.contract.file.compiler.min ?? f.contract.file.languageVersion, '0.5.0');
      for (const v of f.locals) {
        if (v.node.kind !== 'VariableDeclarationStatement' || v.initializer) continue;
        const isRef = v.type.kind === 'user' || v.type.kind === 'array' || v.type.kind === 'mapping';
        const structOrArray = isRef && !ctx.project.contractsByName.has(lastName(v.type.node));
        if (!structOrArray) continue;
        const location = v.location ?? (old ? 'storage' : undefined);
        if (location === 'storage' && !child(v.node, 'Value'))
          ctx.report({ node: v.node, contract: f.contract, function: f });
      }
    }
  },
});
