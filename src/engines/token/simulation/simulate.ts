import { randomBytes } from 'node:crypto';
import { type Address, encodeFunctionData, getAddress, type Hex, numberToHex } from 'viem';
import type { ChainClient } from '../../../chain/client.js';
import { toRpcError } from '../../../chain/client.js';
import { simulatorArtifact } from './artifact.js';
import { decodeSimulated, describeRevert } from './decode.js';
import { interpretOutcome, type SimulationReport } from './interpret.js';

export type { LegReport, SimulationReport } from './interpret.js';

/** Gas given to the simulating eth_call; leaves room for expensive transfer hooks. */
const CALL_GAS = 25_000_000n;

export interface SimulationInput {
  chain: ChainClient;
  blockNumber: bigint;
  router: Address;
  /** Wrapped native first, token last. */
  buyPath: Address[];
  /** Native amount to spend on the buy (wei). */
  amountIn: bigint;
}

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
  const data = encodeFunctionData({
    abi,
    functionName: 'simulate',
    args: [input.router, input.buyPath, input.amountIn, receiver],
  });
  const overrides = {
    [probe]: { code: deployedBytecode, balance: numberToHex(input.amountIn * 2n) },
    [receiver]: { code: deployedBytecode, balance: '0x0' },
  };
  const tx = { from: freshAddress(), to: probe, data, gas: numberToHex(CALL_GAS) };
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
  return interpretOutcome(outcome, { router: input.router, path: input.buyPath, amountIn: input.amountIn });
}
