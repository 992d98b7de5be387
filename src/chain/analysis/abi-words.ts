import { type Address, getAddress, type Hex, size } from 'viem';

export const ZERO_ADDRESS: Address = '0x0000000000000000000000000000000000000000';
/** Addresses ownership is commonly "renounced" to. */
export const BURN_ADDRESSES: ReadonlySet<string> = new Set([
  '0x0000000000000000000000000000000000000000',
  '0x000000000000000000000000000000000000dead',
  '0xdead000000000000000042069420694206942069',
]);

export function isBurnAddress(address: string | undefined): boolean {
  return address !== undefined && BURN_ADDRESSES.has(address.toLowerCase());
}

/** Decodes a 32-byte word holding an address (upper 12 bytes zero); undefined otherwise. */
export function wordToAddress(word: Hex | undefined): Address | undefined {
  if (!word || word === '0x' || size(word) < 32) return undefined;
  const hex = word.slice(2, 66);
  if (!/^0{24}/.test(hex)) return undefined;
  return getAddress(`0x${hex.slice(24)}`);
}

export function wordToBigInt(word: Hex | undefined): bigint | undefined {
  if (!word || word === '0x' || size(word) < 32) return undefined;
  return BigInt(`0x${word.slice(2, 66)}`);
}

export function wordToBool(word: Hex | undefined): boolean | undefined {
  const n = wordToBigInt(word);
  return n === undefined ? undefined : n === 1n ? true : n === 0n ? false : undefined;
}
