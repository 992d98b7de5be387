import { randomBytes } from 'node:crypto';
import { type Address, encodeFunctionData, getAddress, type Hex, numberToHex } from 'viem';
import type { ChainClient } from '../../../chain/client.js';
import { toRpcError } from '../../../chain/client.js';
import { simulatorArtifact } from './artifact.js';
import { decodeSimulated, describeRevert } from './decode.js';
import { type BlockedBy, interpretOutcome, type SimulationReport } from './interpret.js';

export type { LegReport, SimulationReport } from './interpret.js';

/** Gas given to the simulating eth_call; leaves room for expensive transfer hooks. */
const CALL_GAS = 25_000_000n;

interface SimulationBase {
  chain: ChainClient;
  blockNumber: bigint;
  /** Native amount to spend on the buy (wei). */
  amountIn: bigint;
}

/** Through a V2-style router: wrapped native first, token last (multi-hop allowed). */
export interface V2Simulation extends SimulationBase {
  router: Address;
  buyPath: Address[];
}

/** Directly against a V3-style pool of the token and the wrapped native token. */
export interface V3Simulation extends SimulationBase {
  v3: { pool: Address; weth: Address; token: Address };
}

export type SimulationInput = V2Simulation | V3Simulation;

export class SimulationFailedError extends Error {
  constructor(
    message: string,
    readonly revertData: Hex,
  ) {
    super(message);
    this.name = 'SimulationFailedError';
  }
}

function freshAddress(): Address {
  return getAddress(`0x${randomBytes(20).toString('hex')}`);
}

function revertDataOf(err: unknown): Hex | undefined {
  let current: unknown = err;
  for (let depth = 0; current && depth < 8; depth += 1) {
    const data = (current as { data?: unknown }).data;
    if (typeof data === 'string' && data.startsWith('0x')) return data as Hex;
    if (data && typeof data === 'object' && typeof (data as { data?: unknown }).data === 'string') {
      return (data as { data: Hex }).data;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * One `eth_call` from a fresh address to the simulator injected (with ETH) by a state override,
 * plus a second fresh address holding the same code as the receiver of the transfer leg.
 */
export async function simulateTrade(input: SimulationInput): Promise<SimulationReport> {
  const { abi, deployedBytecode } = simulatorArtifact();
  const probe = freshAddress();
  const receiver = freshAddress();
  // The one place the two venues differ: which entry point, and how the report names the route.
  const venue =
    'v3' in input
      ? {
          data: encodeFunctionData({
            abi,
            functionName: 'simulateV3',
            args: [input.v3.pool, input.v3.weth, input.v3.token, input.amountIn, receiver],
          }),
          meta: { venue: 'v3' as const, router: input.v3.pool, path: [input.v3.weth, input.v3.token] },
          token: input.v3.token,
        }
      : {
          data: encodeFunctionData({
            abi,
            functionName: 'simulate',
            args: [input.router, input.buyPath, input.amountIn, receiver],
          }),
          meta: { venue: 'v2' as const, router: input.router, path: input.buyPath },
          token: input.buyPath.at(-1),
        };
  const overrides = {
    [probe]: { code: deployedBytecode, balance: numberToHex(input.amountIn * 2n) },
    [receiver]: { code: deployedBytecode, balance: '0x0' },
  };
  const tx = { from: freshAddress(), to: probe, data: venue.data, gas: numberToHex(CALL_GAS) };
  let revert: Hex | undefined;
  try {
    await input.chain.rpc<Hex>('eth_call', [tx, numberToHex(input.blockNumber), overrides]);
    throw new SimulationFailedError('the simulator returned instead of reverting with its outcome', '0x');
  } catch (err) {
    if (err instanceof SimulationFailedError) throw err;
    revert = revertDataOf(err);
    if (revert === undefined) throw toRpcError(err, input.chain.chainId);
  }
  const outcome = decodeSimulated(abi, revert);
  if (!outcome) {
    throw new SimulationFailedError(
      `simulation reverted outside its try/catch: ${describeRevert(revert)}`,
      revert,
    );
  }
  const report = interpretOutcome(outcome, { ...venue.meta, amountIn: input.amountIn });
  if (report.cannotBuy || report.transferBlocked || report.cannotSell) {
    report.blockedBy = await traceBlocker(input, tx, overrides, venue.token);
  }
  return report;
}

interface CallFrame {
  to?: string;
  error?: string;
  revertReason?: string;
  output?: string;
  calls?: CallFrame[];
}

/**
 * Where the failed step started to revert: the last frame that failed while its caller did not (the
 * failing leg: buy, transfer or sell; quotes come before their swap), then down through failed callees
 * to the contract that raised the error. Exported for unit tests.
 */
export function revertOrigin(root: CallFrame): CallFrame | undefined {
  let last: CallFrame | undefined;
  const visit = (frame: CallFrame, parentFailed: boolean): void => {
    for (const c of frame.calls ?? []) {
      if (c.error && !parentFailed) last = c;
      visit(c, Boolean(c.error));
    }
  };
  visit(root, false);
  let origin = last;
  for (;;) {
    const failedCallee = origin?.calls?.filter((c) => c.error).at(-1);
    if (!failedCallee) return origin;
    origin = failedCallee;
  }
}

/** Re-runs the same call under `debug_traceCall` (callTracer) to name the contract that blocked the trade. */
async function traceBlocker(
  input: SimulationInput,
  tx: Record<string, string>,
  overrides: Record<string, unknown>,
  token: Address | undefined,
): Promise<BlockedBy> {
  let trace: CallFrame;
  try {
    trace = await input.chain.rpc<CallFrame>('debug_traceCall', [
      tx,
      numberToHex(input.blockNumber),
      { tracer: 'callTracer', stateOverrides: overrides },
    ]);
  } catch (err) {
    return {
      address: null,
      isToken: null,
      reason: null,
      note: `debug_traceCall unavailable: ${(err as Error).message}`,
    };
  }
  const origin = revertOrigin(trace);
  if (!origin?.to)
    return { address: null, isToken: null, reason: null, note: 'no failing call in the trace' };
  const address = getAddress(origin.to);
  const reason =
    origin.revertReason ??
    (origin.output ? describeRevert(origin.output as Hex) : null) ??
    origin.error ??
    null;
  return {
    address,
    isToken: token !== undefined && address.toLowerCase() === token.toLowerCase(),
    reason,
    note: null,
  };
}
