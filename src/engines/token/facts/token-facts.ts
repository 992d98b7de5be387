import { type Address, encodeFunctionData } from 'viem';
import { wordToBigInt } from '../../../chain/analysis/abi-words.js';
import { decodeStringResult } from '../../../chain/analysis/call-data.js';
import type { ChainReader } from '../../../chain/reader.js';
import { erc20Abi } from '../reads.js';

export interface TokenMetadata {
  name: string;
  symbol: string;
  decimals: number;
  totalSupply: bigint;
}

/**
 * name/symbol/decimals/totalSupply in one round trip. Returns null when the contract is not an
 * ERC-20 (no code, or decimals/totalSupply do not answer). bytes32 names (MKR-style) are decoded.
 */
export async function readTokenMetadata(reader: ChainReader, token: Address): Promise<TokenMetadata | null> {
  const fns = ['name', 'symbol', 'decimals', 'totalSupply'] as const;
  const [name, symbol, decimals, supply] = await reader.callMany(
    fns.map((fn) => ({ to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: fn }) })),
  );
  const dec = decimals?.success ? wordToBigInt(decimals.data) : undefined;
  const total = supply?.success ? wordToBigInt(supply.data) : undefined;
  if (dec === undefined || dec > 255n || total === undefined) return null;
  return {
    name: name?.success ? (decodeStringResult(name.data) ?? '') : '',
    symbol: symbol?.success ? (decodeStringResult(symbol.data) ?? '') : '',
    decimals: Number(dec),
    totalSupply: total,
  };
}
