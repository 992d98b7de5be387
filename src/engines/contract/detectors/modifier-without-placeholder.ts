import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';
import { targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'modifier-without-placeholder',
  title: 'Modifier never executes the function body',
  severity: 'high',
  confidence: 'high',
  category: 'other',
  description:
    'The modifier has no `_;` placeholder on some or all paths, so functions using it silently do nothing (or revert) instead of running their body.',
  recommendation: 'Make every non-reverting path of the modifier end in `_;`.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project)) {
      for (const m of c.modifiers) {
        if (!m.body) continue;
        const placeholders = findAll(m.body, 'ExpressionStatement').filter(
          (s) => s.children[0]?.text === '_',
        );
        const yul =
          findAll(m.body, 'UnderscoreKeyword').length + findAll(m.body, 'ModifierPlaceholder').length;
        if (
          placeholders.length === 0 &&
          yul === 0 &&
          !/\b_\s*;/.test(c.file.source.slice(m.body.start, m.body.end))
        ) {
          ctx.report({ node: m.node, contract: c, function: m });
        }
      }
    }
  },
});
