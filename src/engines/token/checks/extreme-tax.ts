import { defineCheck } from './types.js';

export default defineCheck({
  id: 'extreme-tax',
  title: 'Extreme buy or sell tax (30% or more)',
  severity: 'critical',
  description:
    'The simulated trade lost 30% or more of its value to the token’s own fees on the buy or the sell.',
  recommendation: 'Treat as a scam unless the tax is temporary and documented by the project.',
  weights: [{ when: 'buy or sell tax >= 30%', penalty: 8, cap: 2 }],
  evaluate: ({ simulation }) => {
    if (!simulation || (simulation.buyTax === null && simulation.sellTax === null)) return null;
    const worst = Math.max(simulation.buyTax ?? 0, simulation.sellTax ?? 0);
    return {
      triggered: worst >= 30,
      value: worst,
      detail: `buy tax ${simulation.buyTax ?? 'n/a'}%, sell tax ${simulation.sellTax ?? 'n/a'}%`,
    };
  },
});
