import { type Address, getAddress, isAddress } from 'viem';
import { VigilError } from '../../core/errors.js';

/**
 * Address scan targets are CAIP-10 account ids, `eip155:<chainId>:<address>`, with
 * the address checksummed, so the job cache (kind + target) separates chains.
 * Accepted input: CAIP-10, `<chainId>:<address>`, or a bare address with `chainId`
 * in the options.
 */
export interface AddressTarget {
  chainId: number;
  address: Address;
}

export function formatAddressTarget(t: AddressTarget): string {
  return `eip155:${t.chainId}:${t.address}`;
}

export function parseAddressTarget(raw: string, chainIdOption?: unknown): AddressTarget {
  const parts = raw.trim().split(':');
  let chain: string | undefined;
  let address: string | undefined;
  if (parts.length === 3 && parts[0] === 'eip155') [, chain, address] = parts;
  else if (parts.length === 2) [chain, address] = parts;
  else if (parts.length === 1) {
    address = parts[0];
    chain = chainIdOption === undefined || chainIdOption === null ? undefined : String(chainIdOption);
  }
  if (!address || !isAddress(address, { strict: false })) {
    throw new VigilError('INVALID_TARGET', `"${raw}" is not an EVM address (0x followed by 40 hex digits).`);
  }
  if (chain === undefined || !/^\d{1,12}$/.test(chain) || Number(chain) <= 0) {
    throw new VigilError(
      'INVALID_TARGET',
      `A chain id is required: use eip155:<chainId>:<address> or the chainId option.`,
    );
  }
  return { chainId: Number(chain), address: getAddress(address) };
}
