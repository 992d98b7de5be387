import type { Address } from 'viem';
import { describeRevert, type SimulatedLeg, type SimulatedOutcome, taxPercent } from './decode.js';

/** Field thresholds (docs/scoring.md, token section). */
export const HONEYPOT_SELL_TAX = 90;
export const GAS_ANOMALY_LIMIT = 1_500_000n;

export interface LegReport {
  ok: boolean;
  quoted: string;
  received: string;
  gasUsed: number;
  revertReason: string | null;
}

/** Which contract raised the error that blocked the trade (from `debug_traceCall`; null fields when unknown). */
export interface BlockedBy {
  address: Address | null;
  /** true: the token itself; false: another contract it consults (a guard, an anti-bot, a blacklist). */
  isToken: boolean | null;
  reason: string | null;
  note: string | null;
}

export interface SimulationReport {
  /** `v2`: through the router; `v3`: swapped directly against the pool (then `router` is the pool). */
  venue: 'v2' | 'v3';
  router: Address;
  path: Address[];
  amountIn: string;
  /** Percent with two decimals; null when the leg did not run or had no quote. */
  buyTax: number | null;
  sellTax: number | null;
  transferTax: number | null;
  cannotBuy: boolean;
  cannotSell: boolean;
  cannotSellAll: boolean;
  transferBlocked: boolean;
  isHoneypot: boolean;
  gasAnomaly: boolean;
  legs: { buy: LegReport; transfer: LegReport; sell: LegReport; sellPartial: LegReport | null };
  /** Set when the buy, the transfer or every sell failed. */
  blockedBy?: BlockedBy;
}

function leg(l: SimulatedLeg): LegReport {
  return {
    ok: l.ok,
    quoted: l.quoted.toString(),
    received: l.received.toString(),
    gasUsed: Number(l.gasUsed),
    revertReason: l.ok ? null : describeRevert(l.revertData),
  };
}

/** Turns the decoded outcome into taxes and verdicts. Pure: unit-tested without a chain. */
export function interpretOutcome(
  o: SimulatedOutcome,
  meta: { venue: 'v2' | 'v3'; router: Address; path: Address[]; amountIn: bigint },
): SimulationReport {
  const cannotBuy = !o.buy.ok;
  const transferBlocked = o.buy.ok && o.buy.received > 0n && !o.transfer.ok;
  const sellRan = o.sell.attempted;
  const cannotSellAll = sellRan && !o.sell.ok && o.sellPartial.ok;
  const cannotSell = sellRan && !o.sell.ok && !o.sellPartial.ok;
  const sellLeg = o.sell.ok ? o.sell : o.sellPartial;
  const sellTax = sellRan ? taxPercent(sellLeg) : null;
  const isHoneypot = cannotSell || transferBlocked || (sellTax !== null && sellTax >= HONEYPOT_SELL_TAX);
  const gasAnomaly = [o.buy, o.transfer, o.sell, o.sellPartial].some((l) => l.gasUsed > GAS_ANOMALY_LIMIT);
  return {
    venue: meta.venue,
    router: meta.router,
    path: meta.path,
    amountIn: meta.amountIn.toString(),
    buyTax: taxPercent(o.buy),
    sellTax,
    transferTax: taxPercent(o.transfer),
    cannotBuy,
    cannotSell,
    cannotSellAll,
    transferBlocked,
    isHoneypot,
    gasAnomaly,
    legs: {
      buy: leg(o.buy),
      transfer: leg(o.transfer),
      sell: leg(o.sell),
      sellPartial: o.sellPartial.attempted ? leg(o.sellPartial) : null,
    },
  };
}
