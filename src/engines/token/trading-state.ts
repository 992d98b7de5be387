import { type Address, encodeFunctionData, parseAbi } from 'viem';
import { wordToBool } from '../../chain/analysis/abi-words.js';
import type { ChainReader } from '../../chain/reader.js';
import type { SimulationReport } from './simulation/interpret.js';

/** Getters launch-gated tokens commonly expose; `false` means not launched yet. */
const TRADING_GETTERS = [
  'tradingEnabled',
  'tradingOpen',
  'tradingActive',
  'isTradingEnabled',
  'tradingOpened',
  'tradeEnabled',
  'launched',
];
const TRADING_REASON = /trading|not (yet )?(open|enabled|started|live|launched)|launch/i;

/**
 * Trading is "not enabled" when the simulated buy reverted and the token itself says so: a known
 * getter returns false, or the revert reason talks about trading/launch. A buy that fails without
 * either stays a `cannot-buy` finding instead.
 */
export async function detectTradingNotEnabled(
  reader: ChainReader,
  token: Address,
  simulation: SimulationReport | null,
): Promise<{ detected: boolean; evidence: string[] }> {
  if (!simulation?.cannotBuy) return { detected: false, evidence: [] };
  const evidence: string[] = [];
  const outcomes = await reader.callMany(
    TRADING_GETTERS.map((name) => ({
      to: token,
      data: encodeFunctionData({
        abi: parseAbi([`function ${name}() view returns (bool)`]),
        functionName: name,
      }),
    })),
  );
  outcomes.forEach((o, i) => {
    if (o.success && wordToBool(o.data) === false) evidence.push(`${TRADING_GETTERS[i]}() returns false`);
  });
  const reason = simulation.legs.buy.revertReason;
  if (reason && TRADING_REASON.test(reason)) evidence.push(`buy reverted with "${reason}"`);
  return { detected: evidence.length > 0, evidence };
}
