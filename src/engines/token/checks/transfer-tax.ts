import { defineCheck } from './types.js';

export default defineCheck({
  id: 'transfer-tax',
  title: 'Wallet-to-wallet transfers are taxed',
  severity: 'low',
  description: 'Moving tokens between two ordinary wallets lost 1% or more to the token’s fee.',
  recommendation: 'Expect to lose the fee on every transfer, including to exchanges and bridges.',
  weights: [{ when: 'transfer tax >= 1%', penalty: 1 }],
  evaluate: ({ simulation }) => {
    if (!simulation || simulation.transferTax === null) return null;
    return {
      triggered: simulation.transferTax >= 1,
      value: simulation.transferTax,
      detail: `transfer tax ${simulation.transferTax}%`,
    };
  },
});
