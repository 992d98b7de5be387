import { type Address, getAddress } from 'viem';
import { VigilError } from '../../../core/errors.js';

export type TokenQuery = { kind: 'address'; address: Address } | { kind: 'symbol'; symbol: string };

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
/** Symbols and names as token lists spell them: letters, digits, and a few joiners; no URLs or paths. */
const SYMBOL = /^[\p{L}\p{N}\p{Sc}][\p{L}\p{N}\p{Sc} ._+-]{0,39}$/u;

/**
 * An address in any letter case (mixed case is not checksum-validated: CryptoWatchtower clients
 * paste addresses from anywhere), or a symbol/name of 1-40 characters. Anything else is
 * INVALID_TARGET (the face answers 404, as the seed says).
 */
export function parseTokenQuery(raw: string): TokenQuery {
  const value = raw.trim();
  if (ADDRESS.test(value)) return { kind: 'address', address: getAddress(value.toLowerCase()) };
  if (/^0x[0-9a-fA-F]*$/i.test(value) && value.length > 2) {
    throw new VigilError('INVALID_TARGET', `token-not-found: ${value} is not a 20-byte address`);
  }
  if (SYMBOL.test(value)) return { kind: 'symbol', symbol: value };
  throw new VigilError(
    'INVALID_TARGET',
    `token-not-found: ${JSON.stringify(value.slice(0, 60))} is neither an address nor a token symbol`,
  );
}
