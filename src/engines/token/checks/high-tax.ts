import { defineCheck } from './types.js';

export default defineCheck({
  id: 'high-tax',
  title: 'High buy or sell tax (5% to 30%)',
  severity: 'medium',
  description: 'The token keeps between 5% and 30% of a buy or a sell as a fee.',
  recommendation: 'Account for the fee in any trade; check who receives it and whether it can rise.',
  weights: [{ when: '5% <= buy or sell tax < 30%', penalty: 2 }],
  evaluate: ({ simulation }) => {
    if (!simulation || (simulation.buyTax === null && simulation.sellTax === null)) return null;
    const worst = Math.max(simulation.buyTax ?? 0, simulation.sellTax ?? 0);
    return {
      triggered: worst >= 5 && worst < 30,
      value: worst,
      detail: `buy tax ${simulation.buyTax ?? 'n/a'}%, sell tax ${simulation.sellTax ?? 'n/a'}%`,
    };
  },
});
