import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';
import { bugsAffecting } from './lib/compiler-bugs.js';

export default defineDetector({
  id: 'known-compiler-bugs',
  title: 'Pragma admits a compiler with known bugs',
  severity: 'informational',
  confidence: 'medium',
  category: 'other',
  swc: 'SWC-102',
  description:
    'The lowest compiler version the pragma allows is affected by published solc bugs (see the compiler bug list shipped with Vigil).',
  recommendation:
    'Require a recent compiler (e.g. pragma solidity ^0.8.24) and check the solc bug list for the exact version you deploy with.',
  references: ['https://docs.soliditylang.org/en/latest/bugs.html'],
  detect(ctx) {
    for (const file of ctx.project.files) {
      const min = file.compiler.min;
      const contract = file.contracts[0];
      if (!file.isTarget || !min || !contract) continue;
      const bugs = bugsAffecting(min);
      const pragma = findAll(file.tree, 'PragmaDirective').find((p) =>
        file.source.slice(p.start, p.end).includes('solidity'),
      );
      if (bugs.length > 0 && pragma) {
        ctx.report({
          node: pragma,
          contract,
          message: `solc ${min} is affected by ${bugs.length} known bug(s): ${bugs
            .slice(0, 3)
            .map((b) => b.name)
            .join(', ')}`,
        });
      }
    }
  },
});
