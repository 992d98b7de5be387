import { type Abi, decodeErrorResult, formatEther, type Hex } from 'viem';

/** One leg of the simulated trade, as the simulator reports it. */
export interface SimulatedLeg {
  attempted: boolean;
  ok: boolean;
  quoted: bigint;
  received: bigint;
  gasUsed: bigint;
  revertData: Hex;
}

export interface SimulatedOutcome {
  buy: SimulatedLeg;
  transfer: SimulatedLeg;
  sell: SimulatedLeg;
  sellPartial: SimulatedLeg;
}

/** Error(string) and Panic(uint256) reasons in words; anything else as its 4-byte selector. */
export function describeRevert(data: Hex): string | null {
  if (!data || data === '0x') return null;
  try {
    const decoded = decodeErrorResult({ abi: [] as Abi, data });
    if (decoded.errorName === 'Error') return String(decoded.args?.[0] ?? '');
    if (decoded.errorName === 'Panic') return `panic ${String(decoded.args?.[0] ?? '')}`;
  } catch {
    // custom error unknown to us
  }
  return `custom error ${data.slice(0, 10)}`;
}

/** Decodes the simulator's `Simulated(outcome)` revert; returns null when the data is anything else. */
export function decodeSimulated(abi: Abi, data: Hex): SimulatedOutcome | null {
  try {
    const decoded = decodeErrorResult({ abi, data });
    if (decoded.errorName !== 'Simulated') return null;
    return (decoded.args as readonly [SimulatedOutcome])[0];
  } catch {
    return null;
  }
}

/**
 * Tax in percent with two decimals: (quoted − received) / quoted. Negative results (a token that
 * pays out more than the pool quoted) clamp to zero; null when the leg produced no quote.
 */
export function taxPercent(leg: SimulatedLeg): number | null {
  if (!leg.ok || leg.quoted === 0n) return null;
  if (leg.received >= leg.quoted) return 0;
  return Number(((leg.quoted - leg.received) * 10_000n) / leg.quoted) / 100;
}

export function ethString(wei: bigint): string {
  return formatEther(wei);
}
