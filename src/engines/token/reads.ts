import { type Abi, type Address, decodeFunctionResult, encodeFunctionData } from 'viem';
import type { ChainReader } from '../../chain/reader.js';

export interface ReadSpec {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
}

/**
 * Typed reads through the chain reader: all of them leave in one round trip (Multicall3 where
 * configured, else one JSON-RPC batch). A reverted or undecodable call yields `undefined`;
 * only an unreachable node throws.
 */
export async function readMany(reader: ChainReader, specs: readonly ReadSpec[]): Promise<unknown[]> {
  const outcomes = await reader.callMany(
    specs.map((s) => ({
      to: s.address,
      data: encodeFunctionData({ abi: s.abi, functionName: s.functionName, args: s.args ?? [] } as never),
    })),
  );
  return outcomes.map((o, i) => {
    const spec = specs[i];
    if (!o.success || !spec || o.data === '0x') return undefined;
    try {
      return decodeFunctionResult({ abi: spec.abi, functionName: spec.functionName, data: o.data } as never);
    } catch {
      return undefined;
    }
  });
}

export const erc20Abi = [
  { type: 'function', name: 'name', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
  { type: 'function', name: 'symbol', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
  { type: 'function', name: 'decimals', stateMutability: 'view', inputs: [], outputs: [{ type: 'uint8' }] },
  {
    type: 'function',
    name: 'totalSupply',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ type: 'uint256' }],
  },
  {
    type: 'function',
    name: 'balanceOf',
    stateMutability: 'view',
    inputs: [{ type: 'address' }],
    outputs: [{ type: 'uint256' }],
  },
] as const satisfies Abi;

export const v2FactoryAbi = [
  {
    type: 'function',
    name: 'getPair',
    stateMutability: 'view',
    inputs: [{ type: 'address' }, { type: 'address' }],
    outputs: [{ type: 'address' }],
  },
] as const satisfies Abi;

export const v2PairAbi = [
  {
    type: 'function',
    name: 'getReserves',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ type: 'uint112' }, { type: 'uint112' }, { type: 'uint32' }],
  },
  { type: 'function', name: 'token0', stateMutability: 'view', inputs: [], outputs: [{ type: 'address' }] },
  {
    type: 'function',
    name: 'totalSupply',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ type: 'uint256' }],
  },
] as const satisfies Abi;

export const v3FactoryAbi = [
  {
    type: 'function',
    name: 'getPool',
    stateMutability: 'view',
    inputs: [{ type: 'address' }, { type: 'address' }, { type: 'uint24' }],
    outputs: [{ type: 'address' }],
  },
] as const satisfies Abi;

export const routerAbi = [
  { type: 'function', name: 'WETH', stateMutability: 'view', inputs: [], outputs: [{ type: 'address' }] },
] as const satisfies Abi;

export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
