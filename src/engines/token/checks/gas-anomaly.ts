import { GAS_ANOMALY_LIMIT } from '../simulation/interpret.js';
import { defineCheck } from './types.js';

export default defineCheck({
  id: 'gas-anomaly',
  title: 'A trade leg burns abnormal gas',
  severity: 'medium',
  description: `A simulated buy, transfer or sell used more than ${GAS_ANOMALY_LIMIT} gas, a pattern of tokens that make selling prohibitively expensive.`,
  recommendation: 'Inspect the token’s transfer hook; gas griefing is a soft honeypot.',
  weights: [{ when: `a leg uses > ${GAS_ANOMALY_LIMIT} gas`, penalty: 1 }],
  evaluate: ({ simulation }) => {
    if (!simulation) return null;
    const l = simulation.legs;
    return {
      triggered: simulation.gasAnomaly,
      value: Math.max(l.buy.gasUsed, l.transfer.gasUsed, l.sell.gasUsed, l.sellPartial?.gasUsed ?? 0),
      detail: `gas: buy ${l.buy.gasUsed}, transfer ${l.transfer.gasUsed}, sell ${l.sell.gasUsed}`,
    };
  },
});
