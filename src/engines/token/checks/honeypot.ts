import { blockerNote, defineCheck } from './types.js';

export default defineCheck({
  id: 'honeypot',
  title: 'Honeypot: bought tokens cannot be sold',
  severity: 'critical',
  description:
    'A simulated buy through the DEX router succeeded, but selling the tokens from a fresh wallet reverted, ' +
    'moving them was blocked, or the sell tax took 90% or more.',
  recommendation: 'Do not buy. Anyone who buys can only lose the money spent.',
  weights: [{ when: 'sell reverts, transfer blocked, or sell tax >= 90%', penalty: 10, cap: 1 }],
  evaluate: ({ simulation, tradingNotEnabled }) => {
    if (!simulation || simulation.cannotBuy || tradingNotEnabled.detected) return null;
    const why = simulation.cannotSell
      ? `sell reverted: ${simulation.legs.sell.revertReason ?? 'no reason'}${blockerNote(simulation)}`
      : simulation.transferBlocked
        ? `transfer to a fresh wallet reverted: ${simulation.legs.transfer.revertReason ?? 'no reason'}${blockerNote(simulation)}`
        : `sell tax ${simulation.sellTax}%`;
    return {
      triggered: simulation.isHoneypot,
      value: simulation.isHoneypot,
      detail: simulation.isHoneypot ? why : 'sell succeeded',
    };
  },
});
