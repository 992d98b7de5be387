import { defineDetector } from '../define-detector.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'gas-calldata-params',
  title: 'Read-only memory parameter of external function',
  severity: 'gas',
  confidence: 'high',
  category: 'gas',
  description:
    'An external function copies an array/bytes/string parameter into memory although it never modifies it.',
  recommendation: 'Declare the parameter `calldata`.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (f.visibility !== 'external') continue;
      for (const p of f.params) {
        if (p.location !== 'memory') continue;
        const modified =
          f.body &&
          [...f.body.children].length > 0 &&
          new RegExp(`\\b${p.name}\\s*(\\[[^\\]]*\\])*(\\.[A-Za-z_]+)*\\s*(=[^=]|\\+=|-=)`).test(
            f.contract.file.source.slice(f.body.start, f.body.end),
          );
        if (!modified) ctx.report({ node: p.node, contract: f.contract, function: f });
      }
    }
  },
});
