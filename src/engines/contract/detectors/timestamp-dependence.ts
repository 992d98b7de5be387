import { defineDetector } from '../define-detector.js';
import { textOf } from '../parse/syntax-node.js';
import { chainEntropySources, isTimeSource } from './lib/chain-sources.js';
import { guardConditions, isMutating, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'timestamp-dependence',
  title: 'Control flow depends on block.timestamp',
  severity: 'low',
  confidence: 'medium',
  category: 'time_manipulation',
  swc: 'SWC-116',
  description:
    'A condition compares block.timestamp (or now) with exact or short windows; validators can shift timestamps by several seconds to win races, end auctions or unlock funds early.',
  recommendation:
    'Do not use timestamps for exact equality or windows shorter than ~15 minutes; prefer coarse deadlines.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!f.body || !isMutating(f)) continue;
      for (const cond of guardConditions(f.body)) {
        const s = chainEntropySources(f, cond).find(isTimeSource);
        if (!s) continue;
        const t = textOf(cond);
        // Exact matches, modulo tricks and short windows are manipulable; day-scale deadlines are not.
        const exact = /[!=]=/.test(t) || /%/.test(t);
        const shortWindow =
          /\b\d+\s*(seconds|minutes)\b/.test(t) || /(now|block\.timestamp)\s*[-+]\s*\d{1,3}\b/.test(t);
        const moneyAtStake =
          f.mutability === 'payable' ||
          f.calls.some((c) => c.kind === 'eth-transfer' || (c.kind === 'low-level' && c.value));
        const longWindow = /\b\d+\s*(hours|days|weeks)\b/.test(t) || /DELAY|PERIOD|DURATION/.test(t);
        if (exact || shortWindow || (moneyAtStake && !longWindow))
          ctx.report({
            node: cond,
            contract: f.contract,
            function: f,
            message: `condition depends on ${textOf(s)}`,
          });
      }
    }
  },
});
